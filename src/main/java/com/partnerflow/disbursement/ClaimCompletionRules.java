package com.partnerflow.disbursement;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.partnerflow.common.FieldProblem;
import com.partnerflow.task.CompletionRule;
import com.partnerflow.task.InboxTask;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * What the claim and verification forms cannot know by themselves, checked when their tasks are
 * completed (a refusal is a 400 naming the field and changes nothing): a claim may not exceed the
 * milestone's approved share nor reuse an invoice number of the partner's other claims; a partial
 * approval lies between zero and the amount claimed.
 */
@Component
class ClaimCompletionRules implements CompletionRule {

  static final String CLAIM_FORM = "milestone-claim";
  static final String VERIFICATION_FORM = "milestone-claim-verification";

  private final Claims claims;
  private final ObjectMapper json;

  ClaimCompletionRules(Claims claims, ObjectMapper json) {
    this.claims = claims;
    this.json = json;
  }

  @Override
  public List<FieldProblem> check(InboxTask task, Map<String, Object> values) {
    if (!CLAIM_FORM.equals(task.getFormKey()) && !VERIFICATION_FORM.equals(task.getFormKey())) {
      return List.of();
    }
    Claim claim = claimOf(task);
    if (claim == null) {
      return List.of(new FieldProblem("", "The task names no claim"));
    }
    return CLAIM_FORM.equals(task.getFormKey())
        ? checkClaim(claim, values)
        : checkVerification(claim, values);
  }

  private List<FieldProblem> checkClaim(Claim claim, Map<String, Object> values) {
    List<FieldProblem> problems = new ArrayList<>();
    BigDecimal claimed = amount(values.get("claimedAmount"));
    if (claimed != null && claimed.signum() <= 0) {
      problems.add(new FieldProblem("claimedAmount", "must be positive"));
    } else if (claimed != null && claimed.compareTo(claim.getMilestoneAmount()) > 0) {
      problems.add(
          new FieldProblem(
              "claimedAmount",
              "must not exceed the milestone's approved share of "
                  + claim.getMilestoneAmount().toPlainString()
                  + " "
                  + claim.getCurrency()));
    }
    String invoiceKey = ClaimValues.invoiceKey((String) values.get("invoiceNumber"));
    if (invoiceKey != null && !invoiceKey.isEmpty()) {
      claims
          .findByPartnerIdAndInvoiceKeyAndIdNot(claim.getPartnerId(), invoiceKey, claim.getId())
          .stream()
          .findFirst()
          .ifPresent(
              other ->
                  problems.add(
                      new FieldProblem(
                          "invoiceNumber",
                          "was already claimed with another claim (" + other.getId() + ")")));
    }
    return problems;
  }

  private static List<FieldProblem> checkVerification(Claim claim, Map<String, Object> values) {
    if (!"APPROVE_PARTIAL".equals(values.get("decision"))) {
      return List.of();
    }
    BigDecimal approved = amount(values.get("approvedAmount"));
    if (approved == null) {
      return List.of(new FieldProblem("approvedAmount", "must not be empty"));
    }
    if (approved.signum() <= 0 || approved.compareTo(claim.getClaimedAmount()) >= 0) {
      return List.of(
          new FieldProblem(
              "approvedAmount",
              "must be more than 0 and less than the amount claimed ("
                  + claim.getClaimedAmount().toPlainString()
                  + "); approve in full otherwise"));
    }
    return List.of();
  }

  private Claim claimOf(InboxTask task) {
    try {
      Map<?, ?> context = json.readValue(task.getContextJson(), Map.class);
      Object id = context.get("claimId");
      return id == null ? null : claims.findById(String.valueOf(id)).orElse(null);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Task " + task.getId() + " has an unreadable context", e);
    }
  }

  private static BigDecimal amount(Object value) {
    return value == null ? null : new BigDecimal(String.valueOf(value));
  }
}
