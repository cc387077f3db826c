package com.partnerflow.task;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One entry of a task's audit trail: who did what, when. */
@Entity
@Table(name = "inbox_task_event")
public class TaskEvent {

  /** What happened to the task. */
  public enum Action {
    CREATED,
    CLAIMED,
    UNCLAIMED,
    ASSIGNED,
    COMPLETED,
    VANISHED,
    /** A completion that was interrupted before it reached the engine: the task is open again. */
    REOPENED
  }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  private long taskId;
  private long processInstanceKey;

  @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
  private Action action;

  private String actor;
  private String detail;
  private Instant occurredAt;

  protected TaskEvent() {}

  TaskEvent(InboxTask task, Action action, String actor, String detail, Instant occurredAt) {
    this.taskId = task.getId();
    this.processInstanceKey = task.getProcessInstanceKey();
    this.action = action;
    this.actor = actor;
    this.detail = detail;
    this.occurredAt = occurredAt;
  }

  public long getTaskId() {
    return taskId;
  }

  public Action getAction() {
    return action;
  }

  public String getActor() {
    return actor;
  }

  public String getDetail() {
    return detail;
  }

  public Instant getOccurredAt() {
    return occurredAt;
  }
}
