package com.partnerflow.disbursement;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** A claim names everyone who took part in its verification, once each, in the order they did. */
class ClaimVerifiersTest {

  static Claim claim() {
    return new Claim("r-1", "m-1", "p-1", new BigDecimal("450.15"), "EUR", Instant.EPOCH);
  }

  @Test
  void everyVerifierIsRecordedOnceAndTheSystemNever() {
    Claim claim = claim();
    assertThat(claim.getVerifiers()).isEmpty();

    claim.verifiedBy("frank");
    claim.verifiedBy("system:disbursement");
    claim.verifiedBy("erin");
    claim.verifiedBy("frank");
    claim.verifiedBy(null);

    assertThat(claim.getVerifiers()).containsExactly("frank", "erin");
  }
}
