package com.partnerflow.disbursement;

import com.partnerflow.engine.WorkerVariables;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.api.response.ActivatedJob;
import org.springframework.stereotype.Component;

/** {@code disbursement.record-verification-escalation}: the SLA breach in the audit trail. */
@Component
public class RecordVerificationEscalationWorker {

  private final ClaimSteps claims;

  RecordVerificationEscalationWorker(ClaimSteps claims) {
    this.claims = claims;
  }

  @WorkerVariables(requires = {"claimId", "escalatedFrom", "escalatedTo"})
  @JobWorker(type = DisbursementProcess.RECORD_VERIFICATION_ESCALATION)
  public void record(ActivatedJob job) {
    DisbursementJob v = DisbursementJob.of(job);
    claims.recordEscalation(
        v.claimId(),
        v.required("escalatedFrom"),
        v.required("escalatedTo"),
        "escalation:" + job.getElementInstanceKey());
  }
}
