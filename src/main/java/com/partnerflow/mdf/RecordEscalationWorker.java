package com.partnerflow.mdf;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.api.response.ActivatedJob;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * {@code mdf.record-escalation}: the SLA of an approval level was breached; records it in the audit
 * trail and hands the request to the escalation group.
 */
@Component
public class RecordEscalationWorker {

  private final MdfReview review;

  RecordEscalationWorker(MdfReview review) {
    this.review = review;
  }

  @JobWorker(type = MdfProcess.RECORD_ESCALATION)
  public Map<String, Object> recordEscalation(ActivatedJob job) {
    JobVariables v = JobVariables.of(job);
    String target = v.escalationGroup();
    review.recordEscalation(
        v.requestId(),
        v.text("approvalGroup"),
        target,
        v.slaDuration(),
        "escalation:" + job.getElementInstanceKey());
    return Map.of("decidingGroup", target);
  }
}
