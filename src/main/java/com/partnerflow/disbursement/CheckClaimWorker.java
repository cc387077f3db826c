package com.partnerflow.disbursement;

import com.partnerflow.engine.WorkerVariables;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.api.response.ActivatedJob;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * {@code disbursement.check-claim}: the automated checks; {@code checkOutcome} PASSED, INCOMPLETE
 * or BLOCKED with {@code checkProblems} (a business outcome, so a variable, not an error).
 */
@Component
public class CheckClaimWorker {

  private final ClaimSteps claims;

  CheckClaimWorker(ClaimSteps claims) {
    this.claims = claims;
  }

  @WorkerVariables(
      requires = "claimId",
      produces = {"checkOutcome", "checkProblems", "evidenceReason"})
  @JobWorker(type = DisbursementProcess.CHECK_CLAIM)
  public Map<String, Object> checkClaim(ActivatedJob job) {
    var result = claims.check(DisbursementJob.of(job).claimId());
    return Map.of(
        "checkOutcome", result.outcome().name(),
        "checkProblems", result.problems(),
        "evidenceReason", String.join("; ", result.problems()));
  }
}
