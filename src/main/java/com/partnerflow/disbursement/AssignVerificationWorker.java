package com.partnerflow.disbursement;

import com.partnerflow.engine.WorkerVariables;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.api.response.ActivatedJob;
import java.time.Duration;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * {@code disbursement.assign-verification}: the claim is with the verification group until now +
 * the SLA of the {@code claim-verification-sla} decision; the partner sees that due date.
 */
@Component
public class AssignVerificationWorker {

  private final ClaimSteps claims;

  AssignVerificationWorker(ClaimSteps claims) {
    this.claims = claims;
  }

  @WorkerVariables(
      requires = {"claimId", "verificationSla"},
      produces = "verificationDueAt")
  @JobWorker(type = DisbursementProcess.ASSIGN_VERIFICATION)
  @SuppressWarnings("unchecked")
  public Map<String, Object> assign(ActivatedJob job) {
    DisbursementJob v = DisbursementJob.of(job);
    Map<String, Object> sla = (Map<String, Object>) v.values().get("verificationSla");
    if (sla == null) {
      throw new IllegalStateException("The job has no variable verificationSla");
    }
    Duration duration = Duration.parse(String.valueOf(sla.get("slaDuration")));
    return Map.of("verificationDueAt", claims.assignVerification(v.claimId(), duration).toString());
  }
}
