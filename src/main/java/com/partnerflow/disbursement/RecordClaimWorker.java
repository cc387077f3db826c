package com.partnerflow.disbursement;

import com.partnerflow.engine.WorkerVariables;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.api.response.ActivatedJob;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * {@code disbursement.record-claim}: stores what the partner submitted (and the files uploaded to
 * the task), marks the milestone CLAIMED and confirms receipt to the partner users.
 */
@Component
public class RecordClaimWorker {

  private final ClaimSteps claims;
  private final DisbursementMail mail;

  RecordClaimWorker(ClaimSteps claims, DisbursementMail mail) {
    this.claims = claims;
    this.mail = mail;
  }

  @WorkerVariables(requires = {"claimId", "claimedAmount", "actualCost"})
  @JobWorker(type = DisbursementProcess.RECORD_CLAIM)
  public void recordClaim(ActivatedJob job) {
    DisbursementJob v = DisbursementJob.of(job);
    String taskId = v.completedTaskId();
    Claim claim = claims.record(v.claimId(), v.claimValues(), v.completedBy("partner"), taskId);
    Map<String, Object> model = ClaimSteps.model(claim, v.text("milestoneName"), v.text("title"));
    model.put("amount", claim.getClaimedAmount().toPlainString());
    mail.toPartner(claim.getPartnerId(), "claim-received", model, v, ":" + taskId);
  }
}
