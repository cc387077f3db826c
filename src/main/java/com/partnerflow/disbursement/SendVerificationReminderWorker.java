package com.partnerflow.disbursement;

import com.partnerflow.engine.WorkerVariables;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.api.response.ActivatedJob;
import java.util.Map;
import org.springframework.stereotype.Component;

/** {@code disbursement.send-verification-reminder}: the verification group is reminded. */
@Component
public class SendVerificationReminderWorker {

  private final ClaimSteps claims;
  private final DisbursementMail mail;

  SendVerificationReminderWorker(ClaimSteps claims, DisbursementMail mail) {
    this.claims = claims;
    this.mail = mail;
  }

  @WorkerVariables(
      requires = {"claimId", "reminderGroup"},
      produces = "remindedMembers")
  @JobWorker(type = DisbursementProcess.SEND_VERIFICATION_REMINDER)
  public Map<String, Object> remind(ActivatedJob job) {
    DisbursementJob v = DisbursementJob.of(job);
    Claim claim = claims.claim(v.claimId());
    String group = v.required("reminderGroup");
    Map<String, Object> model = ClaimSteps.model(claim, v.text("milestoneName"), v.text("title"));
    model.put("group", group);
    model.put("due", String.valueOf(claim.getVerificationDueAt()));
    return Map.of("remindedMembers", mail.toGroup(group, "verification-reminder", model, v, ""));
  }
}
