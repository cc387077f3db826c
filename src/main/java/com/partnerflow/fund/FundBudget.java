package com.partnerflow.fund;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * One partner's budget for one fund period and currency. Its totals are running sums of the ledger
 * entries, changed only by {@link FundLedger} while it holds the row lock.
 */
@Entity
@Table(name = "fund_budget")
class FundBudget {

  @Id private String id;
  private String partnerId;
  private String period;

  @JdbcTypeCode(SqlTypes.CHAR)
  @Column(length = 3)
  private String currency;

  private LocalDate startsOn;
  private LocalDate endsOn;

  @Enumerated(EnumType.STRING)
  private BudgetStatus status;

  private BigDecimal allocated;
  private BigDecimal reserved;
  private BigDecimal paid;
  private Instant createdAt;
  private Instant closedAt;
  @Version private long version;

  protected FundBudget() {}

  String getId() {
    return id;
  }

  String getPartnerId() {
    return partnerId;
  }

  String getPeriod() {
    return period;
  }

  String getCurrency() {
    return currency;
  }

  BudgetStatus getStatus() {
    return status;
  }

  Money allocated() {
    return new Money(allocated, currency);
  }

  Money reserved() {
    return new Money(reserved, currency);
  }

  Money paid() {
    return new Money(paid, currency);
  }

  Money available() {
    return allocated().minus(reserved()).minus(paid());
  }

  FundBalance balance() {
    return new FundBalance(
        period,
        currency,
        allocated().amount(),
        reserved().amount(),
        paid().amount(),
        available().amount());
  }

  /** Moves the running totals in step with a new ledger entry. */
  void apply(LedgerEntryType type, Money amount) {
    switch (type) {
      case ALLOCATE, ADJUST -> allocated = allocated().plus(amount).amount();
      case RESERVE -> reserved = reserved().plus(amount).amount();
      case RELEASE -> reserved = reserved().minus(amount).amount();
      case PAY -> {
        reserved = reserved().minus(amount).amount();
        paid = paid().plus(amount).amount();
      }
    }
    if (reserved.signum() < 0 || paid.signum() < 0 || available().isNegative()) {
      throw new IllegalStateException("Budget " + id + " would go negative after " + type);
    }
  }

  void close(Instant at) {
    status = BudgetStatus.CLOSED;
    closedAt = at;
  }
}
