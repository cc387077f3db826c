package com.partnerflow.disbursement;

import com.partnerflow.engine.WorkerVariables;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.api.response.ActivatedJob;
import java.util.Map;
import org.springframework.stereotype.Component;

/** {@code disbursement.open-claim}: the milestone's claim exists and the milestone is CLAIMABLE. */
@Component
public class OpenClaimWorker {

  private final ClaimSteps claims;

  OpenClaimWorker(ClaimSteps claims) {
    this.claims = claims;
  }

  @WorkerVariables(
      requires = {"mdfRequestId", "milestoneId"},
      produces = "claimId")
  @JobWorker(type = DisbursementProcess.OPEN_CLAIM)
  public Map<String, Object> openClaim(ActivatedJob job) {
    DisbursementJob v = DisbursementJob.of(job);
    return Map.of("claimId", claims.open(v.requestId(), v.milestoneId()).getId());
  }
}
