package com.partnerflow.dispute;

import com.partnerflow.engine.WorkerVariables;
import com.partnerflow.task.TaskCompletion;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.api.response.ActivatedJob;
import org.springframework.stereotype.Component;

/** {@code dispute.record-decision}: the reviewer's decision and reason go into the audit trail. */
@Component
public class RecordDisputeDecisionWorker {

  private final DisputeSteps steps;

  RecordDisputeDecisionWorker(DisputeSteps steps) {
    this.steps = steps;
  }

  @WorkerVariables(requires = {"disputeId", "decision", "completedBy"})
  @JobWorker(type = DisputeProcess.RECORD_DECISION)
  public void recordDecision(ActivatedJob job) {
    DisputeJob v = DisputeJob.of(job);
    steps.step(
        v.disputeId(),
        v.step(),
        "DECIDED_" + v.required("decision"),
        v.required(TaskCompletion.COMPLETED_BY_VARIABLE),
        v.text("reason"),
        v.amount("settledAmount"),
        (d, now) -> {});
  }
}
