package com.partnerflow.mdf;

import com.partnerflow.engine.WorkerVariables;
import com.partnerflow.processowner.DecisionVersions;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.api.response.ActivatedJob;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * {@code mdf.record-risk}: stores the assessment of the Assess risk task on the request and writes
 * it and the route of the Route approval task into the audit trail, each naming the decision
 * version deployed with the instance's process version (the one the engine evaluated, as every
 * business rule task is bound to its deployment).
 */
@Component
public class RecordRiskWorker {

  static final String RISK_DECISION = "mdf-risk-assessment";
  static final String ROUTING_DECISION = "mdf-approval-routing";

  private final MdfReview review;
  private final DecisionVersions decisions;

  RecordRiskWorker(MdfReview review, DecisionVersions decisions) {
    this.review = review;
    this.decisions = decisions;
  }

  @WorkerVariables(requires = {"mdfRequestId", "riskScore", "riskLevel"})
  @JobWorker(type = MdfProcess.RECORD_RISK)
  public void recordRisk(ActivatedJob job) {
    JobVariables v = JobVariables.of(job);
    review.recordRisk(
        v.requestId(),
        new MdfReview.Risk(v.integer("riskScore"), v.text("riskLevel"), texts(v, "riskSignals")),
        new MdfReview.Route(
            texts(v, "approvalLevels"), Boolean.TRUE.equals(v.values().get("spotAudit"))),
        decisions.boundTo(job.getProcessDefinitionKey(), RISK_DECISION),
        decisions.boundTo(job.getProcessDefinitionKey(), ROUTING_DECISION),
        String.valueOf(job.getElementInstanceKey()));
  }

  private static List<String> texts(JobVariables v, String name) {
    return v.values().get(name) instanceof List<?> list
        ? list.stream().map(String::valueOf).toList()
        : List.of();
  }
}
