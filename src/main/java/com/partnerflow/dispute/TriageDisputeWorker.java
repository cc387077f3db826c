package com.partnerflow.dispute;

import com.partnerflow.engine.WorkerVariables;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.api.response.ActivatedJob;
import java.util.Map;
import org.springframework.stereotype.Component;

/** {@code dispute.triage}: attaches the full context; the reviewer's form gets its summary. */
@Component
public class TriageDisputeWorker {

  private final DisputeSteps steps;
  private final DisputeContext context;

  TriageDisputeWorker(DisputeSteps steps, DisputeContext context) {
    this.steps = steps;
    this.context = context;
  }

  @WorkerVariables(requires = "disputeId", produces = "disputeSummary")
  @JobWorker(type = DisputeProcess.TRIAGE)
  public Map<String, Object> triage(ActivatedJob job) {
    DisputeJob v = DisputeJob.of(job);
    DisputeContext.Attached attached = context.of(steps.dispute(v.disputeId()));
    steps.step(
        v.disputeId(),
        v.step(),
        "TRIAGED",
        DisputeSteps.SYSTEM,
        "Context attached: subject, decision history, "
            + attached.ledgerMovements()
            + " ledger movements",
        null,
        (d, now) -> d.triaged(attached.json(), now));
    return Map.of("disputeSummary", attached.summary());
  }
}
