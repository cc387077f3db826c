package com.partnerflow.disbursement;

import com.partnerflow.engine.WorkerVariables;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.api.response.ActivatedJob;
import java.util.Map;
import org.springframework.stereotype.Component;

/** {@code disbursement.send-claim-reminder}: the partner users are reminded of the deadline. */
@Component
public class SendClaimReminderWorker {

  private final ClaimSteps claims;
  private final DisbursementMail mail;

  SendClaimReminderWorker(ClaimSteps claims, DisbursementMail mail) {
    this.claims = claims;
    this.mail = mail;
  }

  @WorkerVariables(requires = "claimId")
  @JobWorker(type = DisbursementProcess.SEND_CLAIM_REMINDER)
  public void remind(ActivatedJob job) {
    DisbursementJob v = DisbursementJob.of(job);
    Claim claim = claims.claim(v.claimId());
    Map<String, Object> model = ClaimSteps.model(claim, v.text("milestoneName"), v.text("title"));
    model.put("due", v.text("claimDeadline"));
    mail.toPartner(claim.getPartnerId(), "claim-reminder", model, v, "");
  }
}
