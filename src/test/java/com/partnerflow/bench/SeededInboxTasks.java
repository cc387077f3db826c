package com.partnerflow.bench;

import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/** Writes open tasks straight into the inbox's tables, for benchmarks of the task list. */
final class SeededInboxTasks {

  private SeededInboxTasks() {}

  /**
   * Rows of {@code inbox_task} (id, process instance key, element instance key, process id,
   * version, element id, name, form key, assignee, due date, priority, state, partner id, context,
   * variables, created at, checked at) and of its candidate groups (task id, group).
   */
  static void insert(JdbcTemplate jdbc, List<Object[]> tasks, List<Object[]> candidateGroups) {
    jdbc.batchUpdate(
        "insert into inbox_task (id, process_instance_key, element_instance_key, bpmn_process_id,"
            + " process_version, element_id, name, form_key, assignee, due_date, priority, state,"
            + " partner_id, context_json, variables_json, created_at, checked_at)"
            + " values (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
        tasks);
    jdbc.batchUpdate(
        "insert into inbox_task_candidate_group (task_id, group_name) values (?,?)",
        candidateGroups);
  }
}
