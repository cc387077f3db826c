package com.partnerflow.task;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;

/** A human step waiting in the inbox; its id is the engine's job key. */
@Entity
@Table(name = "inbox_task")
public class InboxTask {

  @Id private Long id;
  private long processInstanceKey;
  private long elementInstanceKey;
  private String bpmnProcessId;
  private int processVersion;
  private String elementId;
  private String name;
  private String formKey;
  private String assignee;
  private Instant dueDate;
  private Instant followUpDate;
  private int priority;

  @Enumerated(EnumType.STRING)
  private TaskState state;

  private String partnerId;
  private String contextJson;
  private String variablesJson;
  private Instant createdAt;
  private Instant checkedAt;
  private Instant closedAt;
  private String closedBy;
  @Version private long version;

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "inbox_task_candidate_group", joinColumns = @JoinColumn(name = "task_id"))
  @Column(name = "group_name")
  private Set<String> candidateGroups = new LinkedHashSet<>();

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "inbox_task_candidate_user", joinColumns = @JoinColumn(name = "task_id"))
  @Column(name = "username")
  private Set<String> candidateUsers = new LinkedHashSet<>();

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "inbox_task_excluded_user", joinColumns = @JoinColumn(name = "task_id"))
  @Column(name = "username")
  private Set<String> excludedUsers = new LinkedHashSet<>();

  protected InboxTask() {}

  InboxTask(UserTaskJob job, String contextJson, String variablesJson, Instant now) {
    this.id = job.jobKey();
    this.createdAt = now;
    this.state = TaskState.OPEN;
    refresh(job, contextJson, variablesJson, now);
  }

  /** Takes the engine's current view of the task, e.g. after the job was activated again. */
  void refresh(UserTaskJob job, String contextJson, String variablesJson, Instant now) {
    this.processInstanceKey = job.processInstanceKey();
    this.elementInstanceKey = job.elementInstanceKey();
    this.bpmnProcessId = job.bpmnProcessId();
    this.processVersion = job.processVersion();
    this.elementId = job.elementId();
    this.name = job.name();
    this.formKey = job.formKey();
    if (this.assignee == null) {
      this.assignee = job.assignee();
    }
    this.dueDate = job.dueDate();
    this.followUpDate = job.followUpDate();
    this.priority = job.priority();
    this.partnerId = job.partnerId();
    this.candidateGroups = new LinkedHashSet<>(job.candidateGroups());
    this.candidateUsers = new LinkedHashSet<>(job.candidateUsers());
    this.excludedUsers = new LinkedHashSet<>(job.excludedUsers());
    this.contextJson = contextJson;
    this.variablesJson = variablesJson;
    this.checkedAt = now;
  }

  void assignTo(String username) {
    this.assignee = username;
  }

  void markChecked(Instant now) {
    this.checkedAt = now;
  }

  void close(TaskState finalState, String by, Instant at) {
    this.state = finalState;
    this.closedBy = by;
    this.closedAt = at;
  }

  void reopen() {
    this.state = TaskState.OPEN;
  }

  public Long getId() {
    return id;
  }

  public long getProcessInstanceKey() {
    return processInstanceKey;
  }

  public long getElementInstanceKey() {
    return elementInstanceKey;
  }

  public String getBpmnProcessId() {
    return bpmnProcessId;
  }

  public int getProcessVersion() {
    return processVersion;
  }

  public String getElementId() {
    return elementId;
  }

  public String getName() {
    return name;
  }

  public String getFormKey() {
    return formKey;
  }

  public String getAssignee() {
    return assignee;
  }

  public Instant getDueDate() {
    return dueDate;
  }

  public Instant getFollowUpDate() {
    return followUpDate;
  }

  public int getPriority() {
    return priority;
  }

  public TaskState getState() {
    return state;
  }

  public String getPartnerId() {
    return partnerId;
  }

  public String getContextJson() {
    return contextJson;
  }

  public String getVariablesJson() {
    return variablesJson;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public Instant getCheckedAt() {
    return checkedAt;
  }

  public Instant getClosedAt() {
    return closedAt;
  }

  public String getClosedBy() {
    return closedBy;
  }

  public Set<String> getCandidateGroups() {
    return Set.copyOf(candidateGroups);
  }

  public Set<String> getCandidateUsers() {
    return Set.copyOf(candidateUsers);
  }

  /** Users who may neither claim nor complete the task (separation of duties). */
  public Set<String> getExcludedUsers() {
    return Set.copyOf(excludedUsers);
  }

  public boolean isOverdue(Instant now) {
    return dueDate != null && dueDate.isBefore(now);
  }
}
