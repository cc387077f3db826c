package com.partnerflow.fund;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.partnerflow.fund.FundPeriod.Granularity;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class FundPeriodTest {

  @Test
  void quarterContainingADate() {
    FundPeriod q4 = FundPeriod.containing(LocalDate.of(2026, 11, 22), Granularity.QUARTER);

    assertThat(q4.id()).isEqualTo("2026-Q4");
    assertThat(q4.startsOn()).isEqualTo(LocalDate.of(2026, 10, 1));
    assertThat(q4.endsOn()).isEqualTo(LocalDate.of(2026, 12, 31));
    assertThat(q4.granularity()).isEqualTo(Granularity.QUARTER);
  }

  @Test
  void quarterBoundaries() {
    assertThat(FundPeriod.containing(LocalDate.of(2026, 1, 1), Granularity.QUARTER).id())
        .isEqualTo("2026-Q1");
    assertThat(FundPeriod.containing(LocalDate.of(2026, 3, 31), Granularity.QUARTER).id())
        .isEqualTo("2026-Q1");
    assertThat(FundPeriod.containing(LocalDate.of(2026, 4, 1), Granularity.QUARTER).id())
        .isEqualTo("2026-Q2");
    FundPeriod q1Leap = FundPeriod.containing(LocalDate.of(2028, 2, 29), Granularity.QUARTER);
    assertThat(q1Leap.endsOn()).isEqualTo(LocalDate.of(2028, 3, 31));
    assertThat(FundPeriod.of("2026-Q2").endsOn()).isEqualTo(LocalDate.of(2026, 6, 30));
    assertThat(FundPeriod.of("2026-Q3").contains(LocalDate.of(2026, 9, 30))).isTrue();
    assertThat(FundPeriod.of("2026-Q3").contains(LocalDate.of(2026, 10, 1))).isFalse();
  }

  @Test
  void yearContainingADate() {
    FundPeriod year = FundPeriod.containing(LocalDate.of(2026, 11, 22), Granularity.YEAR);

    assertThat(year).isEqualTo(FundPeriod.of("2026"));
    assertThat(year.startsOn()).isEqualTo(LocalDate.of(2026, 1, 1));
    assertThat(year.endsOn()).isEqualTo(LocalDate.of(2026, 12, 31));
    assertThat(year.granularity()).isEqualTo(Granularity.YEAR);
  }

  @Test
  void refusesMalformedPeriods() {
    assertThatThrownBy(() -> FundPeriod.of("2026-Q5")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> FundPeriod.of("26")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> FundPeriod.of(null)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () -> new FundPeriod("2026-Q1", LocalDate.of(2026, 1, 1), LocalDate.of(2026, 6, 30)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void granularityIsConfigurableAndDefaultsToQuarter() {
    LocalDate day = LocalDate.of(2026, 5, 5);

    assertThat(new FundProperties(null).periodContaining(day).id()).isEqualTo("2026-Q2");
    assertThat(new FundProperties(Granularity.QUARTER).periodContaining(day).id())
        .isEqualTo("2026-Q2");
    assertThat(new FundProperties(Granularity.YEAR).periodContaining(day).id()).isEqualTo("2026");
  }
}
