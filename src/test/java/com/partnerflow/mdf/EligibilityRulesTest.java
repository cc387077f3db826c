package com.partnerflow.mdf;

import static org.assertj.core.api.Assertions.assertThat;

import com.partnerflow.partner.PartnerStatus;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class EligibilityRulesTest {

  static final LocalDate TODAY = LocalDate.of(2030, 1, 5);
  static final LocalDate PERIOD_START = LocalDate.of(2030, 1, 1);
  static final LocalDate PERIOD_END = LocalDate.of(2030, 3, 31);
  static final TierBenefits SILVER =
      new TierBenefits(
          new BigDecimal("10000"),
          new BigDecimal("0.4"),
          List.of("WEBINAR", "CONTENT", "DIGITAL_CAMPAIGN", "TRAINING"),
          3);

  static MdfRequest request(String title, String requested, LocalDate start) {
    return new MdfRequest(
        "p1", "bob", MdfSubmissions.webinar(title, requested, start), Instant.now());
  }

  List<String> reasons(
      MdfRequest r, PartnerStatus status, String available, List<MdfRequest> others) {
    return EligibilityRules.reasons(
        r,
        status,
        SILVER,
        available == null ? null : new BigDecimal(available),
        PERIOD_START,
        PERIOD_END,
        TODAY,
        others);
  }

  @Test
  void anActiveTierConformRequestIsEligible() {
    var r = request("Cloud webinar", "1000", TODAY.plusDays(5));
    assertThat(reasons(r, PartnerStatus.ACTIVE, "50000", List.of())).isEmpty();
  }

  @Test
  void listsEveryBrokenRule() {
    var s = MdfSubmissions.webinar("Trade show booth", "20000", PERIOD_END);
    var wrongType =
        new MdfRequestSubmission(
            "TRADE_SHOW",
            s.title(),
            s.description(),
            s.region(),
            TODAY,
            PERIOD_END.plusDays(3),
            "EUR",
            new BigDecimal("25000"),
            new BigDecimal("20000"),
            new BigDecimal("5000"),
            null,
            null,
            null,
            s.milestones());
    var r = new MdfRequest("p1", "bob", wrongType, Instant.now());

    List<String> reasons = reasons(r, PartnerStatus.SUSPENDED, "15000", List.of());

    assertThat(reasons)
        .hasSize(7)
        .anyMatch(m -> m.contains("SUSPENDED"))
        .anyMatch(m -> m.contains("TRADE_SHOW is not allowed"))
        .anyMatch(m -> m.contains("exceeds the cap per activity of 10000.00"))
        .anyMatch(m -> m.contains("exceeds the available balance of 15000.00"))
        .anyMatch(m -> m.contains("Co-funding share 20 % is below the tier minimum of 40 %"))
        .anyMatch(m -> m.contains("must start in the future"))
        .anyMatch(m -> m.contains("within the fund period"));
  }

  @Test
  void aPartnerWithoutBudgetIsNotEligible() {
    var r = request("Cloud webinar", "1000", TODAY.plusDays(5));
    assertThat(reasons(r, PartnerStatus.ACTIVE, null, List.of()))
        .containsExactly("The partner has no EUR budget in this fund period");
  }

  @Test
  void refusesIncentiveStackingOfAnOpenSimilarOverlappingRequest() {
    var earlier = request("Cloud security webinar", "1000", TODAY.plusDays(5));
    var again = request("Webinar: cloud security", "900", TODAY.plusDays(5));
    var otherTopic = request("Data platform training day", "900", TODAY.plusDays(5));
    var later = request("Cloud security webinar", "900", TODAY.plusDays(40));

    assertThat(reasons(again, PartnerStatus.ACTIVE, "50000", List.of(earlier, again)))
        .singleElement()
        .asString()
        .startsWith("Incentive stacking: request " + earlier.getId());
    assertThat(reasons(otherTopic, PartnerStatus.ACTIVE, "50000", List.of(earlier))).isEmpty();
    assertThat(reasons(later, PartnerStatus.ACTIVE, "50000", List.of(earlier))).isEmpty();

    earlier.moveTo(MdfStatus.REJECTED, null, null, Instant.now());
    assertThat(reasons(again, PartnerStatus.ACTIVE, "50000", List.of(earlier))).isEmpty();
  }
}
