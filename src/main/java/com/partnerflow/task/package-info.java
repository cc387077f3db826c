/**
 * The task inbox: job-worker user tasks of every process projected into our own table, their
 * Camunda Forms, who may see, claim and complete them, the evidence files uploaded to them ({@link
 * com.partnerflow.task.TaskAttachments}), and the task list UI. The engine side sits behind {@link
 * com.partnerflow.task.HumanTaskGateway} so a later move to Camunda user tasks on a cluster touches
 * one adapter.
 */
@org.springframework.modulith.ApplicationModule(
    displayName = "Task inbox",
    allowedDependencies = {"common", "identity", "engine"})
package com.partnerflow.task;
