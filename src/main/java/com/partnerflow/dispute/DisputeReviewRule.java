package com.partnerflow.dispute;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.partnerflow.common.FieldProblem;
import com.partnerflow.task.CompletionRule;
import com.partnerflow.task.InboxTask;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The review forms' rules the form cannot state: a reason is always required, a settlement names a
 * positive amount, and no settled amount exceeds the disputed amount (400, the task stays open).
 */
@Component
class DisputeReviewRule implements CompletionRule {

  private static final Set<String> FORMS =
      Set.of(DisputeProcess.REVIEW_FORM, DisputeProcess.ESCALATION_REVIEW_FORM);

  private final ObjectMapper json;

  DisputeReviewRule(ObjectMapper json) {
    this.json = json;
  }

  @Override
  public List<FieldProblem> check(InboxTask task, Map<String, Object> values) {
    if (!FORMS.contains(task.getFormKey())) {
      return List.of();
    }
    List<FieldProblem> problems = new ArrayList<>();
    if (!(values.get("reason") instanceof String reason) || reason.isBlank()) {
      problems.add(
          new FieldProblem("reason", "must not be empty: a decision always gives a reason"));
    }
    BigDecimal settled =
        values.get("settledAmount") == null
            ? null
            : new BigDecimal(String.valueOf(values.get("settledAmount")));
    if (DisputeProcess.SETTLE.equals(values.get("decision"))) {
      if (settled == null || settled.signum() <= 0) {
        problems.add(new FieldProblem("settledAmount", "a settlement needs a positive amount"));
      }
    }
    BigDecimal disputed = disputedAmount(task);
    if (settled != null && disputed != null && settled.compareTo(disputed) > 0) {
      problems.add(
          new FieldProblem(
              "settledAmount",
              "must not exceed the disputed amount of " + disputed.toPlainString()));
    }
    return problems;
  }

  private BigDecimal disputedAmount(InboxTask task) {
    try {
      JsonNode amount = json.readTree(task.getVariablesJson()).get("disputedAmount");
      return amount == null || amount.isNull() ? null : new BigDecimal(amount.asText());
    } catch (IOException e) {
      throw new IllegalStateException(
          "Stored variables of task " + task.getId() + " unreadable", e);
    }
  }
}
