package com.partnerflow.fund;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;

/**
 * An amount of money in one ISO 4217 currency, always with two decimals. Arithmetic refuses to mix
 * currencies; more than two decimals are refused rather than rounded.
 */
public record Money(BigDecimal amount, String currency) implements Comparable<Money> {

  /** What a DECIMAL(19,2) column holds before the decimal point. */
  private static final int MAX_INTEGER_DIGITS = 17;

  public Money {
    if (amount == null) {
      throw new IllegalArgumentException("Money needs an amount");
    }
    if (currency == null) {
      throw new IllegalArgumentException("Money needs a currency");
    }
    if (!currency.matches("[A-Z]{3}")) {
      throw new IllegalArgumentException("Not an ISO 4217 currency code: " + currency);
    }
    try {
      Currency.getInstance(currency);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("Not an ISO 4217 currency code: " + currency);
    }
    if (amount.stripTrailingZeros().scale() > 2) {
      throw new IllegalArgumentException(
          "Money has at most two decimals: " + amount.toPlainString());
    }
    amount = amount.setScale(2, RoundingMode.UNNECESSARY);
    if (amount.precision() - amount.scale() > MAX_INTEGER_DIGITS) {
      throw new IllegalArgumentException("Amount too large: " + amount.toPlainString());
    }
  }

  public static Money of(String amount, String currency) {
    if (amount == null) {
      throw new IllegalArgumentException("Money needs an amount");
    }
    try {
      return new Money(new BigDecimal(amount), currency);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("Not an amount: " + amount);
    }
  }

  public static Money of(BigDecimal amount, String currency) {
    return new Money(amount, currency);
  }

  public static Money zero(String currency) {
    return new Money(BigDecimal.ZERO, currency);
  }

  public Money plus(Money other) {
    return new Money(amount.add(sameCurrency(other).amount), currency);
  }

  public Money minus(Money other) {
    return new Money(amount.subtract(sameCurrency(other).amount), currency);
  }

  public Money negate() {
    return new Money(amount.negate(), currency);
  }

  public boolean isZero() {
    return amount.signum() == 0;
  }

  public boolean isPositive() {
    return amount.signum() > 0;
  }

  public boolean isNegative() {
    return amount.signum() < 0;
  }

  public boolean isLessThan(Money other) {
    return compareTo(other) < 0;
  }

  @Override
  public int compareTo(Money other) {
    return amount.compareTo(sameCurrency(other).amount);
  }

  private Money sameCurrency(Money other) {
    if (other == null) {
      throw new IllegalArgumentException("Cannot calculate with no amount");
    }
    if (!currency.equals(other.currency)) {
      throw new IllegalArgumentException(
          "Currency mismatch: " + currency + " and " + other.currency);
    }
    return other;
  }

  @Override
  public String toString() {
    return currency + " " + amount.toPlainString();
  }
}
