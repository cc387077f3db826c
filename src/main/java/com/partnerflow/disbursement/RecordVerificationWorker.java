package com.partnerflow.disbursement;

import com.partnerflow.engine.WorkerVariables;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.api.response.ActivatedJob;
import java.util.HashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * {@code disbursement.record-verification}: the verification decision, approved amount and reason
 * into the audit trail; {@code approvedAmount} is the full claim for APPROVE.
 */
@Component
public class RecordVerificationWorker {

  private final ClaimSteps claims;

  RecordVerificationWorker(ClaimSteps claims) {
    this.claims = claims;
  }

  @WorkerVariables(
      requires = {"claimId", "decision"},
      produces = {"approvedAmount", "escalatedTo"})
  @JobWorker(type = DisbursementProcess.RECORD_VERIFICATION)
  public Map<String, Object> record(ActivatedJob job) {
    DisbursementJob v = DisbursementJob.of(job);
    String group =
        v.text("escalatedTo") != null ? v.text("escalatedTo") : v.text("verificationGroup");
    var verification =
        claims.recordVerification(
            v.claimId(),
            v.required("decision"),
            v.amount("approvedAmount"),
            v.text("reason"),
            v.completedBy(group),
            group,
            "verification:" + job.getElementInstanceKey());
    Map<String, Object> out = new HashMap<>();
    out.put("approvedAmount", verification.approvedAmount());
    out.put("escalatedTo", null);
    return out;
  }
}
