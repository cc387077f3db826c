package com.partnerflow.task;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/** The tasks of the inbox. */
public interface InboxTasks extends JpaRepository<InboxTask, Long> {

  /**
   * Open tasks an internal user may see: a candidate group of theirs, or assigned to or candidate
   * for them, and not naming them as excluded (they could not work on it). Optional filters are
   * null when not set.
   */
  @Query(
      value =
          """
          select t from InboxTask t
          where t.state = com.partnerflow.task.TaskState.OPEN
            and (:all = true
                 or t.assignee = :username
                 or exists (select 1 from InboxTask c join c.candidateUsers u
                            where c = t and u = :username)
                 or exists (select 1 from InboxTask c join c.candidateGroups g
                            where c = t and g in :groups))
            and (:partnerId is null or t.partnerId = :partnerId)
            and not exists (select 1 from InboxTask x join x.excludedUsers e
                            where x = t and e = :username)
            and (:assignee is null or t.assignee = :assignee)
            and (:candidateGroup is null or exists (select 1 from InboxTask c join c.candidateGroups g
                            where c = t and g = :candidateGroup))
            and (:processId is null or t.bpmnProcessId = :processId)
            and (:dueBefore is null or t.dueDate < :dueBefore)
          """)
  Page<InboxTask> findVisible(
      @Param("all") boolean all,
      @Param("username") String username,
      @Param("groups") Collection<String> groups,
      @Param("partnerId") String partnerId,
      @Param("assignee") String assignee,
      @Param("candidateGroup") String candidateGroup,
      @Param("processId") String processId,
      @Param("dueBefore") Instant dueBefore,
      Pageable page);

  /** The tasks in a state of some instances that were last confirmed before a time. */
  List<InboxTask> findByProcessInstanceKeyInAndStateAndCheckedAtBefore(
      Collection<Long> processInstanceKeys, TaskState state, Instant checkedBefore);

  /** Tasks whose liveness was checked longest ago, oldest first. */
  List<InboxTask> findByStateInAndCheckedAtBeforeOrderByCheckedAtAsc(
      Collection<TaskState> states, Instant checkedBefore, Pageable page);

  /**
   * Lets exactly one completion win: moves an open task to COMPLETING for this user unless another
   * user holds it. Answers 1 for the winner, 0 for everyone else. While completing, {@code
   * checkedAt} holds when the completion started, so a completion interrupted by a crash can be
   * found and settled ({@link TaskLiveness}).
   */
  @Modifying(clearAutomatically = true, flushAutomatically = true)
  @Query(
      """
      update InboxTask t set t.state = com.partnerflow.task.TaskState.COMPLETING,
             t.assignee = :username, t.checkedAt = :now, t.version = t.version + 1
      where t.id = :id and t.state = com.partnerflow.task.TaskState.OPEN
        and (t.assignee is null or t.assignee = :username)
      """)
  int startCompletion(
      @Param("id") long id, @Param("username") String username, @Param("now") Instant now);

  List<InboxTask> findByProcessInstanceKeyOrderByCreatedAtAsc(long processInstanceKey);

  /** The tasks of a process (any version) in a state, oldest first. */
  List<InboxTask> findByStateAndBpmnProcessIdOrderByCreatedAtAsc(
      TaskState state, String bpmnProcessId);

  /** Tasks in a state with a form (e.g. every open claim verification), oldest first. */
  List<InboxTask> findByStateAndFormKeyOrderByCreatedAtAsc(TaskState state, String formKey);

  /** Open tasks whose form key is not among {@code known} (never empty), per element. */
  @Query(
      """
      select new com.partnerflow.task.FormProblem(t.formKey, t.bpmnProcessId, t.elementId, t.name,
             count(t), min(t.createdAt))
      from InboxTask t
      where t.state = com.partnerflow.task.TaskState.OPEN
        and t.formKey is not null and t.formKey not in :known
      group by t.formKey, t.bpmnProcessId, t.elementId, t.name
      order by min(t.createdAt)
      """)
  List<FormProblem> findOpenWithFormKeyNotIn(@Param("known") Collection<String> known);
}
