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
import java.util.function.Consumer;
import java.util.function.Supplier;
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
  private static final int LOST_RACE_READS = 50;
  private static final long LOST_RACE_PAUSE_MILLIS = 10;

  private final FundBudgets budgets;
  private final LedgerEntries entries;
  private final LedgerAppender appender;
  private final LedgerSummary summary;
  private final Partners partners;
  private final FundProperties properties;
  private final Clock clock;

  FundLedger(
      FundBudgets budgets,
      LedgerEntries entries,
      LedgerAppender appender,
      LedgerSummary summary,
      Partners partners,
      FundProperties properties,
      Clock clock) {
    this.budgets = budgets;
    this.entries = entries;
    this.appender = appender;
    this.summary = summary;
    this.partners = partners;
    this.properties = properties;
    this.clock = clock;
  }

  /** The fund period (of the configured granularity) that today belongs to. */
  @Transactional(propagation = Propagation.SUPPORTS)
  public FundPeriod currentPeriod() {
    return properties.periodContaining(LocalDate.now(clock));
  }

  /**
   * Adds to a partner's budget for the period, creating the budget on the first allocation. The
   * movement has no reference.
   */
  public FundMovement allocate(LedgerMovement movement) {
    requireCommon(movement);
    requireNonNull(movement.partnerId(), "partnerId");
    requirePositive(movement.amount());
    requireNoReference(movement);
    return move(
        LedgerEntryType.ALLOCATE,
        movement,
        () -> {
          if (!partners.existsById(movement.partnerId())) {
            throw new NotFoundException("Partner " + movement.partnerId());
          }
          FundPeriod period = movement.period();
          budgets.createIfAbsent(
              UUID.randomUUID().toString(),
              movement.partnerId(),
              period.id(),
              movement.amount().currency(),
              period.startsOn(),
              period.endsOn(),
              clock.instant());
          return lock(movement).orElseThrow();
        },
        budget -> {});
  }

  /**
   * Earmarks the movement's amount of the available funds for its reference (e.g. {@code
   * mdf-request:<id>}).
   *
   * @throws InsufficientFunds when less than the amount is available (also when the partner has no
   *     budget for the period and currency)
   */
  public FundMovement reserve(LedgerMovement movement) {
    requireCommon(movement);
    requirePositive(movement.amount());
    requireText(movement.reference(), "reference");
    Money amount = movement.amount();
    return move(
        LedgerEntryType.RESERVE,
        movement,
        () ->
            lock(movement)
                .orElseThrow(
                    () ->
                        new InsufficientFunds(
                            movement.partnerId(),
                            movement.period().id(),
                            Money.zero(amount.currency()),
                            amount)),
        budget -> {
          if (budget.available().isLessThan(amount)) {
            throw new InsufficientFunds(
                movement.partnerId(), movement.period().id(), budget.available(), amount);
          }
        });
  }

  /** Gives back part or all of what is reserved for the movement's reference. */
  public FundMovement release(LedgerMovement movement) {
    return fromReservation(LedgerEntryType.RELEASE, movement);
  }

  /** Pays part or all of what is reserved for the movement's reference: reserved becomes paid. */
  public FundMovement pay(LedgerMovement movement) {
    return fromReservation(LedgerEntryType.PAY, movement);
  }

  /**
   * Corrects the allocation by the movement's signed amount; a reason is required.
   *
   * @throws InsufficientFunds when a reduction is larger than what is available
   */
  public FundMovement adjust(LedgerMovement movement) {
    requireCommon(movement);
    Money delta = movement.amount();
    requireNonNull(delta, "amount");
    if (delta.isZero()) {
      throw InvalidRequestException.of("amount", "must not be zero");
    }
    requireText(movement.reason(), "reason");
    requireNoReference(movement);
    return move(
        LedgerEntryType.ADJUST,
        movement,
        () ->
            lock(movement)
                .orElseThrow(
                    () ->
                        new ConflictException(
                            "Partner "
                                + movement.partnerId()
                                + " has no "
                                + delta.currency()
                                + " budget in fund period "
                                + movement.period().id()
                                + " to adjust")),
        budget -> {
          if (delta.isNegative() && budget.available().isLessThan(delta.negate())) {
            throw new InsufficientFunds(
                movement.partnerId(), movement.period().id(), budget.available(), delta.negate());
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
      Map<String, String> activities = new LinkedHashMap<>();
      for (LedgerEntry entry : entries.findByBudgetIdOrderByIdAsc(budget.getId())) {
        if (entry.getReference() != null) {
          open.merge(entry.getReference(), effectOnReservation(entry), (a, b) -> a.plus(b));
          if (entry.getActivityType() != null) {
            activities.putIfAbsent(entry.getReference(), entry.getActivityType());
          }
        }
      }
      for (Map.Entry<String, Money> reservation : open.entrySet()) {
        if (reservation.getValue().isPositive()) {
          LedgerEntry release =
              new LedgerEntry(
                  budget.getId(),
                  LedgerEntryType.RELEASE,
                  reservation.getValue(),
                  reservation.getKey(),
                  "period-close:" + budget.getId() + ":" + reservation.getKey(),
                  PERIOD_CLOSE_ACTOR,
                  "Fund period " + period.id() + " closed",
                  clock.instant(),
                  new LedgerEntry.Classification(activities.get(reservation.getKey()), false));
          // A concurrent closer that wrote this release first leaves reservations here: the check
          // below fails this call, and its retry finds the budget closed.
          post(budget, release).ifPresent(released::add);
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

  /**
   * Computes the ledger's summary for insights anew from its entries. The service keeps it with
   * every movement; this is for entries written around the service, such as a bulk load.
   */
  public void rebuildSummary() {
    summary.rebuild();
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

  private FundMovement fromReservation(LedgerEntryType type, LedgerMovement movement) {
    requireCommon(movement);
    requirePositive(movement.amount());
    requireText(movement.reference(), "reference");
    Money amount = movement.amount();
    return move(
        type,
        movement,
        () ->
            lock(movement)
                .orElseThrow(
                    () ->
                        nothingReserved(
                            type, amount, movement.reference(), Money.zero(amount.currency()))),
        budget -> {
          Money reserved = reservedFor(budget, movement.reference());
          if (reserved.isLessThan(amount)) {
            throw nothingReserved(type, amount, movement.reference(), reserved);
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

  private Optional<FundBudget> lock(LedgerMovement movement) {
    return budgets.lock(movement.partnerId(), movement.period().id(), movement.amount().currency());
  }

  /**
   * The one place of replay and idempotency: a key seen before returns its first entry (or is a
   * conflict when the content differs) before anything is locked or created; otherwise, under the
   * budget lock, the key is looked up again (a concurrent first post may have committed meanwhile),
   * the budget must be open, the movement's own check must pass, and then the entry is appended; if
   * the key turns out to be taken after all, the first entry is the answer.
   */
  private FundMovement move(
      LedgerEntryType type,
      LedgerMovement movement,
      Supplier<FundBudget> lockBudget,
      Consumer<FundBudget> check) {
    if (movement.lapsed() && type != LedgerEntryType.RELEASE) {
      throw InvalidRequestException.of("lapsed", "only a release lapses a milestone");
    }
    Optional<FundMovement> earlier = replay(type, movement);
    if (earlier.isPresent()) {
      return earlier.get();
    }
    FundBudget budget = lockBudget.get();
    earlier = replay(type, movement);
    if (earlier.isPresent()) {
      return earlier.get();
    }
    if (budget.getStatus() != BudgetStatus.OPEN) {
      throw new ConflictException(
          "Fund period " + budget.getPeriod() + " is closed for partner " + budget.getPartnerId());
    }
    check.accept(budget);
    LedgerEntry entry =
        new LedgerEntry(
            budget.getId(),
            type,
            movement.amount(),
            movement.reference(),
            movement.idempotencyKey(),
            movement.actor(),
            movement.reason(),
            clock.instant(),
            classification(type, movement, budget));
    return post(budget, entry).orElseGet(() -> replayLostRace(type, movement));
  }

  /**
   * A release or payment funds what its reservation funded: without an activity type of its own it
   * takes the one of the reference's first entry on the budget that has one.
   */
  private LedgerEntry.Classification classification(
      LedgerEntryType type, LedgerMovement movement, FundBudget budget) {
    String activity = movement.activityType();
    if (activity == null && movement.reference() != null) {
      activity =
          entries
              .findByBudgetIdAndReferenceOrderByIdAsc(budget.getId(), movement.reference())
              .stream()
              .map(LedgerEntry::getActivityType)
              .filter(Objects::nonNull)
              .findFirst()
              .orElse(null);
    }
    return new LedgerEntry.Classification(activity, movement.lapsed());
  }

  private Optional<FundMovement> replay(LedgerEntryType type, LedgerMovement movement) {
    String idempotencyKey = movement.idempotencyKey();
    return entries
        .findByIdempotencyKey(idempotencyKey)
        .map(
            entry -> {
              FundBudget budget = budgets.findById(entry.getBudgetId()).orElseThrow();
              boolean same =
                  entry.getType() == type
                      && entry.amount().equals(movement.amount())
                      && Objects.equals(entry.getReference(), movement.reference())
                      && budget.getPartnerId().equals(movement.partnerId())
                      && budget.getPeriod().equals(movement.period().id());
              if (!same) {
                throw new ConflictException(
                    "Idempotency key " + idempotencyKey + " was already used for another movement");
              }
              return movement(budget, entry);
            });
  }

  /** Appends the entry and applies it to the budget, unless its idempotency key is taken. */
  private Optional<FundMovement> post(FundBudget budget, LedgerEntry entry) {
    if (!appender.appendUnlessKeyExists(entry)) {
      return Optional.empty();
    }
    budget.apply(entry.getType(), entry.amount());
    summary.add(entry);
    return Optional.of(
        movement(budget, entries.findByIdempotencyKey(entry.getIdempotencyKey()).orElseThrow()));
  }

  /**
   * The key was taken by a concurrent first post that committed while this one waited for the
   * budget lock: its entry is the answer, once this transaction can see it.
   */
  private FundMovement replayLostRace(LedgerEntryType type, LedgerMovement movement) {
    for (int attempt = 0; attempt < LOST_RACE_READS; attempt++) {
      Optional<FundMovement> earlier = replay(type, movement);
      if (earlier.isPresent()) {
        return earlier.get();
      }
      try {
        Thread.sleep(LOST_RACE_PAUSE_MILLIS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    throw new IllegalStateException(
        "Ledger entry " + movement.idempotencyKey() + " was neither written nor found");
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

  private static void requireCommon(LedgerMovement movement) {
    requireNonNull(movement, "movement");
    requireText(movement.idempotencyKey(), "idempotencyKey");
    requireText(movement.actor(), "actor");
    requireNonNull(movement.period(), "period");
    requireLength(movement.reason(), "reason");
    requireLength(movement.activityType(), "activityType");
  }

  private static void requireNoReference(LedgerMovement movement) {
    if (movement.reference() != null) {
      throw InvalidRequestException.of("reference", "must be empty: only reservations have one");
    }
    if (movement.activityType() != null) {
      throw InvalidRequestException.of(
          "activityType", "must be empty: only reservations fund an activity");
    }
  }

  private static void requireText(String value, String field) {
    if (value == null || value.isBlank()) {
      throw InvalidRequestException.of(field, "must not be blank");
    }
    requireLength(value, field);
  }

  /** Column sizes; period-close keys are {@code period-close:<budget id>:<reference>}. */
  private static final Map<String, Integer> MAX_LENGTH =
      Map.of(
          "idempotencyKey",
          200,
          "reference",
          200,
          "actor",
          100,
          "reason",
          1000,
          "activityType",
          30);

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
