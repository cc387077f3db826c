package com.partnerflow.mdf;

import com.partnerflow.engine.WorkerVariables;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.api.response.ActivatedJob;
import java.util.Map;
import org.springframework.stereotype.Component;

/** {@code mdf.collect-risk-facts}: the facts the mdf-risk-assessment decision reads. */
@Component
public class CollectRiskFactsWorker {

  private final MdfReview review;

  CollectRiskFactsWorker(MdfReview review) {
    this.review = review;
  }

  @WorkerVariables(
      requires = {"mdfRequestId", "tierBenefits"},
      produces = "riskFacts")
  @JobWorker(type = MdfProcess.COLLECT_RISK_FACTS)
  public Map<String, Object> collectRiskFacts(ActivatedJob job) {
    JobVariables v = JobVariables.of(job);
    return Map.of("riskFacts", review.riskFacts(v.requestId(), v.tierBenefits()));
  }
}
