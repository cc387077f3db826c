package com.partnerflow.mdf;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.api.response.ActivatedJob;
import java.util.Map;
import org.springframework.stereotype.Component;

/** {@code mdf.score-risk}: explainable risk signals, a score and the level the routing uses. */
@Component
public class ScoreRiskWorker {

  private final MdfReview review;

  ScoreRiskWorker(MdfReview review) {
    this.review = review;
  }

  @JobWorker(type = MdfProcess.SCORE_RISK)
  public Map<String, Object> scoreRisk(ActivatedJob job) {
    JobVariables v = JobVariables.of(job);
    RiskScoring.Risk risk = review.scoreRisk(v.requestId(), v.tierBenefits());
    return Map.of(
        "riskScore", risk.score(), "riskLevel", risk.level(), "riskSignals", risk.signals());
  }
}
