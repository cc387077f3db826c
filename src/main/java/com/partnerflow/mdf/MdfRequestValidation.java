package com.partnerflow.mdf;

import com.partnerflow.common.FieldProblem;
import com.partnerflow.common.InvalidRequestException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/**
 * The input rules of an MDF request, checked before anything is written. Every broken rule is
 * reported, each with its field. The funding plan must be complete: {@code requestedAmount +
 * partnerContribution} equals {@code totalCost} exactly.
 */
final class MdfRequestValidation {

  static final int MAX_MILESTONES = 6;
  private static final BigDecimal HUNDRED = new BigDecimal("100");

  private final List<FieldProblem> problems = new ArrayList<>();

  private MdfRequestValidation() {}

  /**
   * @param budgetCurrencies the currencies of the partner's budgets; empty when the partner has no
   *     budget (then the currency is only checked for its form)
   * @throws InvalidRequestException listing every problem
   */
  static void check(MdfRequestSubmission s, Collection<String> budgetCurrencies) {
    List<FieldProblem> problems = problemsOf(s, budgetCurrencies);
    if (!problems.isEmpty()) {
      throw new InvalidRequestException(problems);
    }
  }

  static List<FieldProblem> problemsOf(
      MdfRequestSubmission s, Collection<String> budgetCurrencies) {
    var v = new MdfRequestValidation();
    v.checkRequest(s, budgetCurrencies);
    return List.copyOf(v.problems);
  }

  private void checkRequest(MdfRequestSubmission s, Collection<String> budgetCurrencies) {
    if (s.activityType() == null) {
      problem("activityType", "is required");
    } else if (Arrays.stream(ActivityType.values())
        .noneMatch(t -> t.name().equals(s.activityType()))) {
      problem("activityType", "must be one of " + Arrays.toString(ActivityType.values()));
    }
    text("title", s.title(), true, 200);
    text("description", s.description(), false, 4000);
    text("region", s.region(), false, 100);
    if (s.startDate() == null) {
      problem("startDate", "is required");
    }
    if (s.endDate() == null) {
      problem("endDate", "is required");
    }
    if (s.startDate() != null && s.endDate() != null && s.endDate().isBefore(s.startDate())) {
      problem("endDate", "must not be before startDate");
    }
    if (s.currency() == null || !s.currency().matches("[A-Z]{3}")) {
      problem("currency", "must be an ISO 4217 code such as EUR");
    } else if (!budgetCurrencies.isEmpty() && !budgetCurrencies.contains(s.currency())) {
      problem("currency", "must be the currency of the partner's budget " + budgetCurrencies);
    }
    boolean amounts = amount("totalCost", s.totalCost(), true, true);
    amounts &= amount("requestedAmount", s.requestedAmount(), true, true);
    amounts &= amount("partnerContribution", s.partnerContribution(), true, false);
    if (amounts && s.requestedAmount().add(s.partnerContribution()).compareTo(s.totalCost()) != 0) {
      problem("totalCost", "must equal requestedAmount + partnerContribution");
    }
    amount("expectedPipeline", s.expectedPipeline(), false, false);
    notNegative("expectedRegistrations", s.expectedRegistrations());
    notNegative("expectedLeads", s.expectedLeads());
    milestones(s.milestones());
  }

  private void milestones(List<MdfRequestSubmission.MilestonePlan> milestones) {
    if (milestones == null || milestones.isEmpty() || milestones.size() > MAX_MILESTONES) {
      problem("milestones", "must have 1 to " + MAX_MILESTONES + " milestones");
      return;
    }
    BigDecimal sum = BigDecimal.ZERO;
    boolean sharesValid = true;
    for (int i = 0; i < milestones.size(); i++) {
      var m = milestones.get(i);
      String at = "milestones[" + i + "].";
      if (m == null) {
        problem("milestones[" + i + "]", "is required");
        sharesValid = false;
        continue;
      }
      text(at + "name", m.name(), true, 200);
      if (m.plannedDate() == null) {
        problem(at + "plannedDate", "is required");
      }
      if (amount(at + "sharePercent", m.sharePercent(), true, true)) {
        sum = sum.add(m.sharePercent());
      } else {
        sharesValid = false;
      }
    }
    if (sharesValid && sum.compareTo(HUNDRED) != 0) {
      problem(
          "milestones",
          "shares must sum to 100 %, not " + sum.stripTrailingZeros().toPlainString());
    }
  }

  private boolean amount(String field, BigDecimal value, boolean required, boolean positive) {
    if (value == null) {
      if (required) {
        problem(field, "is required");
      }
      return false;
    }
    boolean ok = true;
    if (positive ? value.signum() <= 0 : value.signum() < 0) {
      problem(field, positive ? "must be greater than 0" : "must not be negative");
      ok = false;
    }
    if (value.stripTrailingZeros().scale() > 2) {
      problem(field, "must have at most 2 decimals");
      ok = false;
    }
    if (value.precision() - value.scale() > 17) {
      problem(field, "is too large");
      ok = false;
    }
    return ok;
  }

  private void notNegative(String field, Long value) {
    if (value != null && value < 0) {
      problem(field, "must not be negative");
    }
  }

  private void text(String field, String value, boolean required, int maxLength) {
    if (value == null || value.isBlank()) {
      if (required) {
        problem(field, "is required");
      }
    } else if (value.length() > maxLength) {
      problem(field, "must be at most " + maxLength + " characters");
    }
  }

  private void problem(String field, String message) {
    problems.add(new FieldProblem(field, message));
  }
}
