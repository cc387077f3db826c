package com.partnerflow.disbursement;

import static org.assertj.core.api.Assertions.assertThat;

import com.partnerflow.disbursement.ClaimChecks.Duplicate;
import com.partnerflow.disbursement.ClaimChecks.Outcome;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClaimChecksTest {

  static final BigDecimal SHARE = new BigDecimal("450.15");

  @Test
  void aClaimWithinTheShareWithEvidencePasses() {
    var result =
        ClaimChecks.check(SHARE, SHARE, List.of("https://example.com/recording"), 0, List.of());
    assertThat(result.outcome()).isEqualTo(Outcome.PASSED);
    assertThat(result.problems()).isEmpty();
    assertThat(ClaimChecks.check(new BigDecimal("1"), SHARE, List.of(), 1, List.of()).outcome())
        .isEqualTo(Outcome.PASSED);
  }

  @Test
  void tooMuchOrNoEvidenceGoesBackToThePartnerWithEveryReason() {
    var result = ClaimChecks.check(new BigDecimal("450.16"), SHARE, List.of(" "), 0, List.of());
    assertThat(result.outcome()).isEqualTo(Outcome.INCOMPLETE);
    assertThat(result.problems())
        .containsExactly(
            "The amount claimed (450.16) exceeds the remaining approved amount (450.15)",
            "Evidence is missing: add a link or upload a file (PDF, PNG, JPEG)");
    assertThat(ClaimChecks.check(BigDecimal.ZERO, SHARE, List.of(), 1, List.of()).problems())
        .containsExactly("The amount claimed must be positive");
  }

  @Test
  void aDuplicateBlocksEvenAnOtherwiseValidClaimAndNamesTheOtherClaim() {
    var duplicate = new Duplicate("claim-1", "DUPLICATE_INVOICE", "Invoice 7 of claim 2 ...");
    var result = ClaimChecks.check(SHARE, SHARE, List.of("https://x"), 1, List.of(duplicate));
    assertThat(result.outcome()).isEqualTo(Outcome.BLOCKED);
    assertThat(result.duplicates()).containsExactly(duplicate);
    assertThat(result.problems()).containsExactly("Invoice 7 of claim 2 ...");
  }

  @Test
  void invoiceNumbersAreComparedWithoutCaseAndSeparators() {
    assertThat(ClaimValues.invoiceKey("INV-2026/01"))
        .isEqualTo(ClaimValues.invoiceKey("inv 2026 01"));
    assertThat(ClaimValues.invoiceKey("INV-2026/01"))
        .isNotEqualTo(ClaimValues.invoiceKey("INV-2026/02"));
    assertThat(ClaimValues.invoiceKey(null)).isNull();
  }
}
