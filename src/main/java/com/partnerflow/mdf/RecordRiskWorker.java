package com.partnerflow.mdf;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.api.response.ActivatedJob;
import java.util.List;
import org.springframework.stereotype.Component;

/** {@code mdf.record-risk}: stores the assessment of the Assess risk task on the request. */
@Component
public class RecordRiskWorker {

  private final MdfReview review;

  RecordRiskWorker(MdfReview review) {
    this.review = review;
  }

  @JobWorker(type = MdfProcess.RECORD_RISK)
  public void recordRisk(ActivatedJob job) {
    JobVariables v = JobVariables.of(job);
    Object signals = job.getVariablesAsMap().get("riskSignals");
    review.recordRisk(
        v.requestId(),
        new MdfReview.Risk(
            ((Number) job.getVariablesAsMap().get("riskScore")).intValue(),
            String.valueOf(job.getVariablesAsMap().get("riskLevel")),
            signals instanceof List<?> list
                ? list.stream().map(String::valueOf).toList()
                : List.of()));
  }
}
