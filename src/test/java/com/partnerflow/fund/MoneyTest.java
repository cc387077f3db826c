package com.partnerflow.fund;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class MoneyTest {

  @Test
  void alwaysHasTwoDecimals() {
    assertThat(Money.of("10", "EUR").amount()).isEqualTo(new BigDecimal("10.00"));
    assertThat(Money.of("10.5", "EUR").amount()).isEqualTo(new BigDecimal("10.50"));
    assertThat(Money.of("10.500", "EUR").amount()).isEqualTo(new BigDecimal("10.50"));
    assertThat(Money.of("10", "EUR")).isEqualTo(Money.of("10.00", "EUR"));
    assertThat(Money.of("-3.1", "USD").toString()).isEqualTo("USD -3.10");
  }

  @Test
  void refusesMoreThanTwoDecimals() {
    assertThatThrownBy(() -> Money.of("10.001", "EUR"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("two decimals");
  }

  @Test
  void refusesNullsAndNonIsoCurrencies() {
    assertThatThrownBy(() -> new Money(null, "EUR")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Money(BigDecimal.ONE, null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Money.of("1", "eur")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Money.of("1", "EURO")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Money.of("1", "ABC")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Money.of("ten", "EUR")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void refusesAmountsTooLargeForTheLedger() {
    assertThat(Money.of("99999999999999999.99", "EUR").amount().precision()).isEqualTo(19);
    assertThatThrownBy(() -> Money.of("100000000000000000.00", "EUR"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void addsSubtractsAndCompares() {
    Money ten = Money.of("10.00", "EUR");
    Money three = Money.of("3.25", "EUR");

    assertThat(ten.plus(three)).isEqualTo(Money.of("13.25", "EUR"));
    assertThat(three.minus(ten)).isEqualTo(Money.of("-6.75", "EUR"));
    assertThat(three.minus(ten).isNegative()).isTrue();
    assertThat(ten.negate()).isEqualTo(Money.of("-10", "EUR"));
    assertThat(three.isLessThan(ten)).isTrue();
    assertThat(Money.zero("EUR").isZero()).isTrue();
    assertThat(ten.isPositive()).isTrue();
  }

  @Test
  void refusesToMixCurrencies() {
    Money euros = Money.of("10.00", "EUR");
    Money dollars = Money.of("10.00", "USD");

    assertThatThrownBy(() -> euros.plus(dollars))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Currency mismatch");
    assertThatThrownBy(() -> euros.minus(dollars)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> euros.compareTo(dollars)).isInstanceOf(IllegalArgumentException.class);
  }
}
