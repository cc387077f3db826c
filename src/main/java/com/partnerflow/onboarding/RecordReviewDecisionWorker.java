package com.partnerflow.onboarding;

import com.partnerflow.engine.WorkerVariables;
import com.partnerflow.task.InboxTask;
import com.partnerflow.task.InboxTasks;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.api.response.ActivatedJob;
import java.util.Comparator;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * {@code onboarding.record-review-decision}: records the partner manager's decision (who, what
 * tier, why) in the audit trail and moves the application on. Approving without a tier keeps the
 * proposed one.
 */
@Component
public class RecordReviewDecisionWorker {

  private static final Set<String> REVIEW_TASKS =
      Set.of(OnboardingProcess.REVIEW_TASK, OnboardingProcess.ESCALATED_REVIEW_TASK);

  private final ApplicationRecords records;
  private final InboxTasks tasks;

  RecordReviewDecisionWorker(ApplicationRecords records, InboxTasks tasks) {
    this.records = records;
    this.tasks = tasks;
  }

  @WorkerVariables(
      requires = {"applicationId", "decision"},
      produces = "tier")
  @JobWorker(type = OnboardingProcess.RECORD_REVIEW_DECISION)
  public Map<String, Object> record(ActivatedJob job) {
    Map<String, Object> variables = job.getVariablesAsMap();
    String decision = (String) variables.get("decision");
    String reason = (String) variables.get("reason");
    Object chosen = variables.get("tier");
    String tier =
        chosen == null || chosen.toString().isBlank()
            ? (String) variables.get("proposedTier")
            : chosen.toString();
    ApplicationStatus status =
        switch (decision) {
          case "APPROVE" -> ApplicationStatus.AWAITING_AGREEMENT;
          case "REJECT" -> ApplicationStatus.REJECTED;
          case "REQUEST_INFO" -> ApplicationStatus.INFO_REQUESTED;
          default -> throw new IllegalStateException("Unknown review decision " + decision);
        };
    String detail = "APPROVE".equals(decision) ? "tier " + tier + ": " + reason : reason;
    records.change(
        (String) variables.get("applicationId"),
        decision,
        reviewerOf(job.getProcessInstanceKey()),
        detail,
        a -> {
          a.moveTo(status);
          if ("APPROVE".equals(decision)) {
            a.decideTier(tier);
          }
        });
    return "APPROVE".equals(decision) ? Map.of("tier", tier) : Map.of();
  }

  /** Who completed the latest review task of the instance, as the task inbox recorded it. */
  private String reviewerOf(long processInstanceKey) {
    return tasks.findByProcessInstanceKeyOrderByCreatedAtAsc(processInstanceKey).stream()
        .filter(t -> REVIEW_TASKS.contains(t.getElementId()))
        .max(Comparator.comparing(InboxTask::getCreatedAt))
        .map(t -> t.getClosedBy() != null ? t.getClosedBy() : t.getAssignee())
        .orElse("unknown");
  }
}
