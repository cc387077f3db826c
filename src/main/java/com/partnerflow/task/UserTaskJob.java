package com.partnerflow.task;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A user task as the engine hands it out: a job of type {@code io.camunda.zeebe:userTask} with the
 * task's attributes in custom headers, translated into plain values.
 *
 * @param partnerId the partner organisation the task belongs to, from the {@code partner:<id>}
 *     candidate group or the {@code partnerId} variable; null for internal tasks
 * @param excludedUsers users who may neither claim nor complete the task although a candidate group
 *     of theirs names it (separation of duties), from the {@code excludedUsers} variable
 */
public record UserTaskJob(
    long jobKey,
    long processInstanceKey,
    long elementInstanceKey,
    String bpmnProcessId,
    int processVersion,
    String elementId,
    String name,
    String formKey,
    String assignee,
    List<String> candidateGroups,
    List<String> candidateUsers,
    Instant dueDate,
    Instant followUpDate,
    int priority,
    String partnerId,
    List<String> excludedUsers,
    Map<String, Object> variables) {

  /**
   * The variable (a list of usernames) that names the users excluded from a task of any process:
   * whoever took part in the decision the task reviews (separation of duties).
   */
  public static final String EXCLUDED_USERS_VARIABLE = "excludedUsers";

  /** Candidate group naming convention for tasks a partner organisation works on. */
  public static final String PARTNER_GROUP_PREFIX = "partner:";

  /** Variables that identify the business case; shown as the task's {@code context}. */
  public static final List<String> CONTEXT_KEYS =
      List.of(
          "partnerId",
          "mdfRequestId",
          "milestoneId",
          "applicationId",
          "claimId",
          "paymentId",
          "disputeId");
}
