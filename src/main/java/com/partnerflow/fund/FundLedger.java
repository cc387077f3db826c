package com.partnerflow.fund;

import com.partnerflow.common.ConflictException;
import com.partnerflow.common.InvalidRequestException;
import com.partnerflow.common.NotFoundException;
import com.partnerflow.partner.Partners;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The fund ledger's API: every movement of market development funds goes through here.
 *
 * <p>Each movement is one transaction that first locks the budget row ({@code SELECT … FOR
 * UPDATE}), so movements on one budget serialise in the database, across threads and service
 * instances; the running totals on the budget change in the same transaction as the appended entry.
 * Each movement carries an idempotency key: posting it again returns the first entry and changes
 * nothing, posting it again with different content is a {@link ConflictException}.
 *
 * <p>Refusals ({@link InsufficientFunds}, {@link ConflictException}, {@link
 * InvalidRequestException}, {@link NotFoundException}) are thrown before anything is written and do
 * not mark a surrounding transaction rollback-only, so a caller may catch them and carry on.
 */
@Service
@Transactional(
    isolation = Isolation.READ_COMMITTED,
    noRollbackFor = {
      ConflictException.class,
      InvalidRequestException.class,
      NotFoundException.class
    })
public class FundLedger {

  static final String PERIOD_CLOSE_ACTOR = "system:period-close";

  private final FundBudgets budgets;
  private final LedgerEntries entries;
  private final Partners partners;
  private final FundProperties properties;
  private final Clock clock;

  FundLedger(
      FundBudgets budgets,
      LedgerEntries entries,
      Partners partners,
      FundProperties properties,
      Clock clock) {
    this.budgets = budgets;
    this.entries = entries;
    this.partners = partners;
    this.properties = properties;
    this.clock = clock;
  }

  /** The fund period (of the configured granularity) that today belongs to. */
  @Transactional(propagation = Propagation.SUPPORTS)
  public FundPeriod currentPeriod() {
    return properties.periodContaining(LocalDate.now(clock));
  }

  /** Adds to a partner's budget for the period, creating the budget on the first allocation. */
  public FundMovement allocate(
      String partnerId,
      FundPeriod period,
      Money amount,
      String idempotencyKey,
      String actor,
      String reason) {
    requireKeyAndActor(idempotencyKey, actor);
    requireNonNull(partnerId, "partnerId");
    requireNonNull(period, "period");
    requirePositive(amount);
    requireLength(reason, "reason");
    Optional<FundMovement> earlier =
        replay(idempotencyKey, LedgerEntryType.ALLOCATE, partnerId, period, amount, null);
    if (earlier.isPresent()) {
      return earlier.get();
    }
    if (!partners.existsById(partnerId)) {
      throw new NotFoundException("Partner " + partnerId);
    }
    budgets.createIfAbsent(
        UUID.randomUUID().toString(),
        partnerId,
        period.id(),
        amount.currency(),
        period.startsOn(),
        period.endsOn(),
        clock.instant());
    FundBudget budget = budgets.lock(partnerId, period.id(), amount.currency()).orElseThrow();
    return replayOrPost(
        budget, LedgerEntryType.ALLOCATE, amount, null, idempotencyKey, actor, reason, () -> {});
  }

  /**
   * Earmarks {@code amount} of the available funds for {@code reference} (e.g. {@code
   * mdf-request:<id>}).
   *
   * @throws InsufficientFunds when less than {@code amount} is available (also when the partner has
   *     no budget for the period and currency)
   */
  public FundMovement reserve(
      String partnerId,
      FundPeriod period,
      Money amount,
      String reference,
      String idempotencyKey,
      String actor) {
    requireKeyAndActor(idempotencyKey, actor);
    requirePositive(amount);
    requireText(reference, "reference");
    FundBudget budget =
        budgets
            .lock(partnerId, period.id(), amount.currency())
            .orElseThrow(
                () ->
                    new InsufficientFunds(
                        partnerId, period.id(), Money.zero(amount.currency()), amount));
    return replayOrPost(
        budget,
        LedgerEntryType.RESERVE,
        amount,
        reference,
        idempotencyKey,
        actor,
        null,
        () -> {
          if (budget.available().isLessThan(amount)) {
            throw new InsufficientFunds(partnerId, period.id(), budget.available(), amount);
          }
        });
  }

  /** Gives back part or all of what is reserved for {@code reference}. */
  public FundMovement release(
      String partnerId,
      FundPeriod period,
      Money amount,
      String reference,
      String idempotencyKey,
      String actor,
      String reason) {
    return fromReservation(
        LedgerEntryType.RELEASE,
        partnerId,
        period,
        amount,
        reference,
        idempotencyKey,
        actor,
        reason);
  }

  /** Pays part or all of what is reserved for {@code reference}: reserved money becomes paid. */
  public FundMovement pay(
      String partnerId,
      FundPeriod period,
      Money amount,
      String reference,
      String idempotencyKey,
      String actor) {
    return fromReservation(
        LedgerEntryType.PAY, partnerId, period, amount, reference, idempotencyKey, actor, null);
  }

  /**
   * Corrects the allocation by a signed amount.
   *
   * @throws InsufficientFunds when a reduction is larger than what is available
   */
  public FundMovement adjust(
      String partnerId,
      FundPeriod period,
      Money delta,
      String idempotencyKey,
      String actor,
      String reason) {
    requireKeyAndActor(idempotencyKey, actor);
    requireNonNull(delta, "amount");
    if (delta.isZero()) {
      throw InvalidRequestException.of("amount", "must not be zero");
    }
    requireText(reason, "reason");
    FundBudget budget =
        budgets
            .lock(partnerId, period.id(), delta.currency())
            .orElseThrow(
                () ->
                    new ConflictException(
                        "Partner "
                            + partnerId
                            + " has no "
                            + delta.currency()
                            + " budget in fund period "
                            + period.id()
                            + " to adjust"));
    return replayOrPost(
        budget,
        LedgerEntryType.ADJUST,
        delta,
        null,
        idempotencyKey,
        actor,
        reason,
        () -> {
          if (delta.isNegative() && budget.available().isLessThan(delta.negate())) {
            throw new InsufficientFunds(partnerId, period.id(), budget.available(), delta.negate());
          }
        });
  }

  /**
   * Closes the fund period: releases every open reservation of its budgets with RELEASE entries and
   * marks the budgets CLOSED. Closing a closed period again changes nothing.
   *
   * @return the RELEASE entries written by this call
   */
  public List<FundMovement> closePeriod(FundPeriod period) {
    List<FundMovement> released = new ArrayList<>();
    for (FundBudget budget : budgets.lockByPeriodAndStatus(period.id(), BudgetStatus.OPEN)) {
      Map<String, Money> open = new LinkedHashMap<>();
      for (LedgerEntry entry : entries.findByBudgetIdOrderByIdAsc(budget.getId())) {
        if (entry.getReference() != null) {
          open.merge(entry.getReference(), effectOnReservation(entry), (a, b) -> a.plus(b));
        }
      }
      for (Map.Entry<String, Money> reservation : open.entrySet()) {
        if (reservation.getValue().isPositive()) {
          released.add(
              post(
                  budget,
                  LedgerEntryType.RELEASE,
                  reservation.getValue(),
                  reservation.getKey(),
                  "period-close:" + budget.getId() + ":" + reservation.getKey(),
                  PERIOD_CLOSE_ACTOR,
                  "Fund period " + period.id() + " closed"));
        }
      }
      if (!budget.reserved().isZero()) {
        throw new IllegalStateException(
            "Budget " + budget.getId() + " still has reservations after closing");
      }
      budget.close(clock.instant());
    }
    return released;
  }

  /** Every budget of the partner, by period and currency. */
  @Transactional(readOnly = true)
  public List<FundBalance> balances(String partnerId) {
    return budgets.findByPartnerIdOrderByPeriodAscCurrencyAsc(partnerId).stream()
        .map(FundBudget::balance)
        .toList();
  }

  /** One budget's balance, if the partner has a budget for the period and currency. */
  @Transactional(readOnly = true)
  public Optional<FundBalance> balance(String partnerId, FundPeriod period, String currency) {
    return budgets
        .findByPartnerIdAndPeriodAndCurrency(partnerId, period.id(), currency)
        .map(FundBudget::balance);
  }

  /** What is still reserved for {@code reference} on the budget (zero when nothing is). */
  @Transactional(readOnly = true)
  public Money reservedFor(String partnerId, FundPeriod period, String currency, String reference) {
    return budgets
        .findByPartnerIdAndPeriodAndCurrency(partnerId, period.id(), currency)
        .map(b -> reservedFor(b, reference))
        .orElse(Money.zero(currency));
  }

  /** The budget's ledger entries, oldest first. */
  @Transactional(readOnly = true)
  public List<FundMovement> movements(String partnerId, FundPeriod period, String currency) {
    return budgets
        .findByPartnerIdAndPeriodAndCurrency(partnerId, period.id(), currency)
        .map(
            b ->
                entries.findByBudgetIdOrderByIdAsc(b.getId()).stream()
                    .map(e -> movement(b, e))
                    .toList())
        .orElse(List.of());
  }

  private FundMovement fromReservation(
      LedgerEntryType type,
      String partnerId,
      FundPeriod period,
      Money amount,
      String reference,
      String idempotencyKey,
      String actor,
      String reason) {
    requireKeyAndActor(idempotencyKey, actor);
    requirePositive(amount);
    requireText(reference, "reference");
    requireLength(reason, "reason");
    FundBudget budget =
        budgets
            .lock(partnerId, period.id(), amount.currency())
            .orElseThrow(
                () -> nothingReserved(type, amount, reference, Money.zero(amount.currency())));
    return replayOrPost(
        budget,
        type,
        amount,
        reference,
        idempotencyKey,
        actor,
        reason,
        () -> {
          Money reserved = reservedFor(budget, reference);
          if (reserved.isLessThan(amount)) {
            throw nothingReserved(type, amount, reference, reserved);
          }
        });
  }

  private static ConflictException nothingReserved(
      LedgerEntryType type, Money amount, String reference, Money reserved) {
    return new ConflictException(
        "Cannot "
            + (type == LedgerEntryType.PAY ? "pay " : "release ")
            + amount
            + " for "
            + reference
            + ": only "
            + reserved
            + " is reserved for it");
  }

  /** Under the budget lock: the earlier entry for this key, or the checks and then a new entry. */
  private FundMovement replayOrPost(
      FundBudget budget,
      LedgerEntryType type,
      Money amount,
      String reference,
      String idempotencyKey,
      String actor,
      String reason,
      Runnable check) {
    Optional<FundMovement> earlier =
        replay(
            idempotencyKey,
            type,
            budget.getPartnerId(),
            FundPeriod.of(budget.getPeriod()),
            amount,
            reference);
    if (earlier.isPresent()) {
      return earlier.get();
    }
    if (budget.getStatus() != BudgetStatus.OPEN) {
      throw new ConflictException(
          "Fund period " + budget.getPeriod() + " is closed for partner " + budget.getPartnerId());
    }
    check.run();
    return post(budget, type, amount, reference, idempotencyKey, actor, reason);
  }

  private Optional<FundMovement> replay(
      String idempotencyKey,
      LedgerEntryType type,
      String partnerId,
      FundPeriod period,
      Money amount,
      String reference) {
    return entries
        .findByIdempotencyKey(idempotencyKey)
        .map(
            entry -> {
              FundBudget budget = budgets.findById(entry.getBudgetId()).orElseThrow();
              boolean same =
                  entry.getType() == type
                      && entry.amount().equals(amount)
                      && Objects.equals(entry.getReference(), reference)
                      && budget.getPartnerId().equals(partnerId)
                      && budget.getPeriod().equals(period.id());
              if (!same) {
                throw new ConflictException(
                    "Idempotency key " + idempotencyKey + " was already used for another movement");
              }
              return movement(budget, entry);
            });
  }

  private FundMovement post(
      FundBudget budget,
      LedgerEntryType type,
      Money amount,
      String reference,
      String idempotencyKey,
      String actor,
      String reason) {
    LedgerEntry entry =
        entries.save(
            new LedgerEntry(
                budget.getId(),
                type,
                amount,
                reference,
                idempotencyKey,
                actor,
                reason,
                clock.instant()));
    budget.apply(type, amount);
    return movement(budget, entry);
  }

  private Money reservedFor(FundBudget budget, String reference) {
    return entries.findByBudgetIdAndReferenceOrderByIdAsc(budget.getId(), reference).stream()
        .map(FundLedger::effectOnReservation)
        .reduce(Money.zero(budget.getCurrency()), Money::plus);
  }

  private static Money effectOnReservation(LedgerEntry entry) {
    return switch (entry.getType()) {
      case RESERVE -> entry.amount();
      case RELEASE, PAY -> entry.amount().negate();
      case ALLOCATE, ADJUST -> Money.zero(entry.amount().currency());
    };
  }

  private static FundMovement movement(FundBudget budget, LedgerEntry entry) {
    return new FundMovement(
        entry.getId(),
        budget.getPartnerId(),
        budget.getPeriod(),
        entry.getType(),
        entry.amount(),
        entry.getReference(),
        entry.getIdempotencyKey(),
        entry.getActor(),
        entry.getReason(),
        entry.getCreatedAt());
  }

  private static void requirePositive(Money amount) {
    requireNonNull(amount, "amount");
    if (!amount.isPositive()) {
      throw InvalidRequestException.of("amount", "must be positive");
    }
  }

  private static void requireKeyAndActor(String idempotencyKey, String actor) {
    requireText(idempotencyKey, "idempotencyKey");
    requireText(actor, "actor");
  }

  private static void requireText(String value, String field) {
    if (value == null || value.isBlank()) {
      throw InvalidRequestException.of(field, "must not be blank");
    }
    requireLength(value, field);
  }

  /** Column sizes; period-close keys are {@code period-close:<budget id>:<reference>}. */
  private static final Map<String, Integer> MAX_LENGTH =
      Map.of("idempotencyKey", 200, "reference", 200, "actor", 100, "reason", 1000);

  private static void requireLength(String value, String field) {
    Integer max = MAX_LENGTH.get(field);
    if (value != null && max != null && value.length() > max) {
      throw InvalidRequestException.of(field, "must have at most " + max + " characters");
    }
  }

  private static void requireNonNull(Object value, String field) {
    if (value == null) {
      throw InvalidRequestException.of(field, "must not be empty");
    }
  }
}
