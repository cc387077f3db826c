package com.partnerflow.dispute;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.partnerflow.fund.FundLedger;
import com.partnerflow.fund.FundMovement;
import com.partnerflow.fund.FundPeriod;
import com.partnerflow.mdf.MdfDisbursements;
import com.partnerflow.mdf.MdfDisputes;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The full context triage attaches to a dispute: the subject as its module describes it, the MDF
 * request's decision history with who decided, and the ledger movements of the request.
 */
@Component
class DisputeContext {

  private final DisputeSubjects subjects;
  private final MdfDisputes requests;
  private final FundLedger ledger;
  private final ObjectMapper json;

  DisputeContext(
      DisputeSubjects subjects, MdfDisputes requests, FundLedger ledger, ObjectMapper json) {
    this.subjects = subjects;
    this.requests = requests;
    this.ledger = ledger;
    this.json = json;
  }

  /** The context as JSON and a one-line summary for the reviewer's form. */
  record Attached(String json, String summary, int ledgerMovements) {}

  Attached of(Dispute d) {
    Map<String, Object> context = new LinkedHashMap<>();
    subjects
        .find(d.getSubjectType(), d.getSubjectId())
        .ifPresent(s -> context.put("subject", s.details()));
    var request = requests.find(d.getMdfRequestId());
    request.ifPresent(r -> context.put("decisionHistory", r.history()));
    List<FundMovement> movements =
        ledger.balances(d.getPartnerId()).stream()
            .filter(b -> b.currency().equals(d.getCurrency()))
            .flatMap(
                b ->
                    ledger
                        .movements(d.getPartnerId(), FundPeriod.of(b.period()), d.getCurrency())
                        .stream())
            .filter(m -> MdfDisbursements.fundReference(d.getMdfRequestId()).equals(m.reference()))
            .toList();
    context.put("ledgerMovements", movements);
    String summary =
        DisputeSubjects.label(d.getSubjectType())
            + request.map(r -> " of \"" + r.title() + "\"").orElse("")
            + ": "
            + d.getDecisionType()
            + " by "
            + d.getDeciderGroup()
            + "; disputed "
            + d.getDisputedAmount().toPlainString()
            + " "
            + d.getCurrency()
            + " ("
            + d.getCategory()
            + "): "
            + d.getExplanation();
    try {
      return new Attached(json.writeValueAsString(context), summary, movements.size());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot write the context of dispute " + d.getId(), e);
    }
  }
}
