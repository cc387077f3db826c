package com.partnerflow.fund;

/**
 * What a caller asks the {@link FundLedger} to move: whose budget (partner, fund period, the
 * amount's currency), how much, for which reservation ({@code reference}, e.g. {@code
 * mdf-request:<id>}), under which idempotency key, by whom and why. The kind of movement is the
 * ledger method it is posted with.
 *
 * <p>Built step by step so that no call site passes seven positional values: {@code
 * LedgerMovement.of(partnerId, period, amount).forReference(ref).withKey(key).by(actor)}. The
 * ledger validates the values (blank keys, lengths, signs) when the movement is posted.
 *
 * <p>A reservation names the activity type it funds ({@link #forActivity}); releases and payments
 * of it inherit that, and a release that lapses a milestone says so ({@link #lapsing}). Insights
 * sums the ledger by both.
 */
public record LedgerMovement(
    String partnerId,
    FundPeriod period,
    Money amount,
    String reference,
    String idempotencyKey,
    String actor,
    String reason,
    String activityType,
    boolean lapsed) {

  /** A movement of {@code amount} on the partner's budget for {@code period}. */
  public static LedgerMovement of(String partnerId, FundPeriod period, Money amount) {
    return new LedgerMovement(partnerId, period, amount, null, null, null, null, null, false);
  }

  /** The reservation the movement belongs to (RESERVE, RELEASE, PAY). */
  public LedgerMovement forReference(String reference) {
    return new LedgerMovement(
        partnerId, period, amount, reference, idempotencyKey, actor, reason, activityType, lapsed);
  }

  /** The key that makes posting the same movement again a replay instead of a second entry. */
  public LedgerMovement withKey(String idempotencyKey) {
    return new LedgerMovement(
        partnerId, period, amount, reference, idempotencyKey, actor, reason, activityType, lapsed);
  }

  /** Who moves the money (a username or {@code system:…}). */
  public LedgerMovement by(String actor) {
    return new LedgerMovement(
        partnerId, period, amount, reference, idempotencyKey, actor, reason, activityType, lapsed);
  }

  /** Why; recorded on the entry. */
  public LedgerMovement because(String reason) {
    return new LedgerMovement(
        partnerId, period, amount, reference, idempotencyKey, actor, reason, activityType, lapsed);
  }

  /** The activity type the reserved money funds; releases and payments inherit it. */
  public LedgerMovement forActivity(String activityType) {
    return new LedgerMovement(
        partnerId, period, amount, reference, idempotencyKey, actor, reason, activityType, lapsed);
  }

  /** A release of a milestone's share that lapsed because nothing was claimed for it. */
  public LedgerMovement lapsing() {
    return new LedgerMovement(
        partnerId, period, amount, reference, idempotencyKey, actor, reason, activityType, true);
  }
}
