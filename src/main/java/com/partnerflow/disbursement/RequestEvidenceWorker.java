package com.partnerflow.disbursement;

import com.partnerflow.engine.WorkerVariables;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.api.response.ActivatedJob;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * {@code disbursement.request-evidence}: the partner is asked for more evidence, with the
 * verifier's reason or the checks' problems ({@code evidenceReason}), and mailed.
 */
@Component
public class RequestEvidenceWorker {

  private final ClaimSteps claims;
  private final DisbursementMail mail;

  RequestEvidenceWorker(ClaimSteps claims, DisbursementMail mail) {
    this.claims = claims;
    this.mail = mail;
  }

  @WorkerVariables(
      requires = "claimId",
      produces = {"evidenceReason", "decision"})
  @JobWorker(type = DisbursementProcess.REQUEST_EVIDENCE)
  public Map<String, Object> requestEvidence(ActivatedJob job) {
    DisbursementJob v = DisbursementJob.of(job);
    String reason =
        "REQUEST_EVIDENCE".equals(v.text("decision")) ? v.text("reason") : v.text("evidenceReason");
    String why = reason == null || reason.isBlank() ? "More evidence is needed" : reason;
    String step = ":" + job.getElementInstanceKey();
    Claim claim =
        claims.requestEvidence(v.claimId(), why, "evidence:" + job.getElementInstanceKey());
    Map<String, Object> model = ClaimSteps.model(claim, v.text("milestoneName"), v.text("title"));
    model.put("reason", why);
    mail.toPartner(claim.getPartnerId(), "claim-evidence-requested", model, v, step);
    // The verifier's decision is consumed: the next verification starts without one.
    Map<String, Object> out = new java.util.HashMap<>();
    out.put("evidenceReason", why);
    out.put("decision", null);
    return out;
  }
}
