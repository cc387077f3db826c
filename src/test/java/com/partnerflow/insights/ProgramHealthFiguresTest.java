package com.partnerflow.insights;

import static org.assertj.core.api.Assertions.assertThat;

import com.partnerflow.fund.FundPeriod;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ProgramHealthFiguresTest {

  static final FundPeriod Q4 = FundPeriod.of("2026-Q4");

  @Test
  void elapsedShareCountsTodayAndStaysWithinTheRange() {
    assertThat(ProgramHealthFigures.elapsedShare(Q4, LocalDate.of(2026, 9, 30)))
        .isEqualByComparingTo("0");
    assertThat(ProgramHealthFigures.elapsedShare(Q4, LocalDate.of(2026, 10, 1)))
        .isEqualByComparingTo("0.0109");
    // 46 of 92 days: exactly half.
    assertThat(ProgramHealthFigures.elapsedShare(Q4, LocalDate.of(2026, 11, 15)))
        .isEqualByComparingTo("0.5");
    assertThat(ProgramHealthFigures.elapsedShare(Q4, LocalDate.of(2026, 12, 31)))
        .isEqualByComparingTo("1");
    assertThat(ProgramHealthFigures.elapsedShare(Q4, LocalDate.of(2027, 3, 1)))
        .isEqualByComparingTo("1");
  }
}
