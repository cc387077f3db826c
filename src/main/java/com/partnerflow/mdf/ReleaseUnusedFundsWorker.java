package com.partnerflow.mdf;

import com.partnerflow.engine.WorkerVariables;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.api.response.ActivatedJob;
import java.util.Map;
import org.springframework.stereotype.Component;

/** {@code mdf.release-unused-funds}: the fund period closed; what is still reserved goes back. */
@Component
public class ReleaseUnusedFundsWorker {

  private final MdfFunding funding;

  ReleaseUnusedFundsWorker(MdfFunding funding) {
    this.funding = funding;
  }

  @WorkerVariables(
      requires = {"mdfRequestId", "fundPeriod"},
      produces = "releasedAmount")
  @JobWorker(type = MdfProcess.RELEASE_UNUSED_FUNDS)
  public Map<String, Object> releaseUnusedFunds(ActivatedJob job) {
    JobVariables v = JobVariables.of(job);
    return Map.of("releasedAmount", funding.releaseUnused(v.requestId(), v.text("fundPeriod")));
  }
}
