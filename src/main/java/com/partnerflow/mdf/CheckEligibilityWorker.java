package com.partnerflow.mdf;

import com.partnerflow.engine.WorkerVariables;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.api.response.ActivatedJob;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** {@code mdf.check-eligibility}: every eligibility rule; the reasons feed the rejection. */
@Component
public class CheckEligibilityWorker {

  private final MdfReview review;

  CheckEligibilityWorker(MdfReview review) {
    this.review = review;
  }

  @WorkerVariables(
      requires = {"mdfRequestId", "tierBenefits"},
      produces = {"eligible", "ineligibleReasons", "rejectionReasons", "rejectedBy"})
  @JobWorker(type = MdfProcess.CHECK_ELIGIBILITY)
  public Map<String, Object> checkEligibility(ActivatedJob job) {
    JobVariables v = JobVariables.of(job);
    List<String> reasons =
        review.checkEligibility(v.requestId(), job.getProcessInstanceKey(), v.tierBenefits());
    return Map.of(
        "eligible",
        reasons.isEmpty(),
        "ineligibleReasons",
        reasons,
        "rejectionReasons",
        reasons,
        "rejectedBy",
        MdfReview.SYSTEM);
  }
}
