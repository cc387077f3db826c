package com.partnerflow.fund;

import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;
import org.springframework.data.repository.query.Param;

/** Budgets; there is deliberately no way to delete one. */
interface FundBudgets extends Repository<FundBudget, String> {

  Optional<FundBudget> findById(String id);

  /**
   * Creates the empty budget unless it exists. A concurrent creator waits for the other's commit
   * instead of failing, so two first allocations never collide.
   */
  @Modifying
  @Query(
      nativeQuery = true,
      value =
          """
          INSERT INTO fund_budget (id, partner_id, period, currency, starts_on, ends_on, status,
                                   allocated, reserved, paid, created_at, version)
          VALUES (:id, :partnerId, :period, :currency, :startsOn, :endsOn, 'OPEN', 0, 0, 0,
                  :createdAt, 0)
          ON DUPLICATE KEY UPDATE id = id
          """)
  int createIfAbsent(
      @Param("id") String id,
      @Param("partnerId") String partnerId,
      @Param("period") String period,
      @Param("currency") String currency,
      @Param("startsOn") LocalDate startsOn,
      @Param("endsOn") LocalDate endsOn,
      @Param("createdAt") Instant createdAt);

  /** Reads the budget with {@code SELECT … FOR UPDATE}: movements on one budget serialise here. */
  @Lock(LockModeType.PESSIMISTIC_WRITE)
  @Query(
      "select b from FundBudget b where b.partnerId = :partnerId and b.period = :period"
          + " and b.currency = :currency")
  Optional<FundBudget> lock(
      @Param("partnerId") String partnerId,
      @Param("period") String period,
      @Param("currency") String currency);

  @Lock(LockModeType.PESSIMISTIC_WRITE)
  @Query("select b from FundBudget b where b.period = :period and b.status = :status order by b.id")
  List<FundBudget> lockByPeriodAndStatus(
      @Param("period") String period, @Param("status") BudgetStatus status);

  List<FundBudget> findByPartnerIdOrderByPeriodAscCurrencyAsc(String partnerId);

  Optional<FundBudget> findByPartnerIdAndPeriodAndCurrency(
      String partnerId, String period, String currency);
}
