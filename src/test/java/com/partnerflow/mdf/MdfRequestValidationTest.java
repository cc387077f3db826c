package com.partnerflow.mdf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.partnerflow.common.FieldProblem;
import com.partnerflow.common.InvalidRequestException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class MdfRequestValidationTest {

  static final LocalDate START = LocalDate.of(2030, 1, 10);
  MdfRequestSubmission valid = MdfSubmissions.webinar("Cloud webinar", "1000.00", START);

  List<String> fields(MdfRequestSubmission s) {
    return MdfRequestValidation.problemsOf(s, List.of("EUR")).stream()
        .map(FieldProblem::field)
        .toList();
  }

  MdfRequestSubmission with(
      BigDecimal total, BigDecimal requested, BigDecimal contribution, String currency) {
    var v = valid;
    return new MdfRequestSubmission(
        v.activityType(),
        v.title(),
        v.description(),
        v.region(),
        v.startDate(),
        v.endDate(),
        currency,
        total,
        requested,
        contribution,
        v.expectedRegistrations(),
        v.expectedLeads(),
        v.expectedPipeline(),
        v.milestones());
  }

  @Test
  void acceptsAValidRequest() {
    assertThat(fields(valid)).isEmpty();
  }

  @Test
  void refusesSharesNotSummingToHundred() {
    var v = valid;
    var s =
        new MdfRequestSubmission(
            v.activityType(),
            v.title(),
            v.description(),
            v.region(),
            v.startDate(),
            v.endDate(),
            v.currency(),
            v.totalCost(),
            v.requestedAmount(),
            v.partnerContribution(),
            null,
            null,
            null,
            List.of(
                new MdfRequestSubmission.MilestonePlan("A", START, new BigDecimal("50")),
                new MdfRequestSubmission.MilestonePlan("B", START, new BigDecimal("49.99"))));
    assertThat(MdfRequestValidation.problemsOf(s, List.of("EUR")))
        .containsExactly(new FieldProblem("milestones", "shares must sum to 100 %, not 99.99"));
  }

  @Test
  void refusesNoneOrMoreThanSixMilestones() {
    var v = valid;
    var plan = new MdfRequestSubmission.MilestonePlan("A", START, new BigDecimal("10"));
    for (List<MdfRequestSubmission.MilestonePlan> milestones :
        List.of(List.<MdfRequestSubmission.MilestonePlan>of(), Collections.nCopies(7, plan))) {
      var s =
          new MdfRequestSubmission(
              v.activityType(),
              v.title(),
              v.description(),
              v.region(),
              v.startDate(),
              v.endDate(),
              v.currency(),
              v.totalCost(),
              v.requestedAmount(),
              v.partnerContribution(),
              null,
              null,
              null,
              milestones);
      assertThat(fields(s)).containsExactly("milestones");
    }
  }

  @Test
  void refusesEndBeforeStart() {
    var v = valid;
    var s =
        new MdfRequestSubmission(
            v.activityType(),
            v.title(),
            v.description(),
            v.region(),
            START,
            START.minusDays(1),
            v.currency(),
            v.totalCost(),
            v.requestedAmount(),
            v.partnerContribution(),
            null,
            null,
            null,
            v.milestones());
    assertThat(fields(s)).containsExactly("endDate");
  }

  @Test
  void refusesZeroNegativeAndOverPreciseAmounts() {
    assertThat(fields(with(new BigDecimal("0"), BigDecimal.ZERO, BigDecimal.ZERO, "EUR")))
        .containsExactlyInAnyOrder("totalCost", "requestedAmount");
    assertThat(
            fields(with(new BigDecimal("100"), new BigDecimal("-1"), new BigDecimal("101"), "EUR")))
        .containsExactly("requestedAmount");
    assertThat(
            fields(
                with(
                    new BigDecimal("100.005"),
                    new BigDecimal("50.005"),
                    new BigDecimal("50"),
                    "EUR")))
        .containsExactlyInAnyOrder("totalCost", "requestedAmount");
  }

  @Test
  void refusesAFundingPlanThatDoesNotAddUp() {
    assertThat(
            fields(with(new BigDecimal("100"), new BigDecimal("50"), new BigDecimal("40"), "EUR")))
        .containsExactly("totalCost");
  }

  @Test
  void refusesACurrencyOtherThanTheBudgets() {
    var s = with(valid.totalCost(), valid.requestedAmount(), valid.partnerContribution(), "USD");
    assertThat(fields(s)).containsExactly("currency");
    assertThat(MdfRequestValidation.problemsOf(s, List.of())).isEmpty();
  }

  @Test
  void listsEveryProblemAtOnce() {
    var s =
        new MdfRequestSubmission(
            "PARTY", " ", null, null, null, null, "euro", null, null, null, -1L, null, null, null);
    assertThatThrownBy(() -> MdfRequestValidation.check(s, List.of("EUR")))
        .isInstanceOf(InvalidRequestException.class)
        .satisfies(
            e ->
                assertThat(((InvalidRequestException) e).problems())
                    .extracting(FieldProblem::field)
                    .containsExactlyInAnyOrder(
                        "activityType",
                        "title",
                        "startDate",
                        "endDate",
                        "currency",
                        "totalCost",
                        "requestedAmount",
                        "partnerContribution",
                        "expectedRegistrations",
                        "milestones"));
  }
}
