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
 */
public record LedgerMovement(
    String partnerId,
    FundPeriod period,
    Money amount,
    String reference,
    String idempotencyKey,
    String actor,
    String reason) {

  /** A movement of {@code amount} on the partner's budget for {@code period}. */
  public static LedgerMovement of(String partnerId, FundPeriod period, Money amount) {
    return new LedgerMovement(partnerId, period, amount, null, null, null, null);
  }

  /** The reservation the movement belongs to (RESERVE, RELEASE, PAY). */
  public LedgerMovement forReference(String reference) {
    return new LedgerMovement(partnerId, period, amount, reference, idempotencyKey, actor, reason);
  }

  /** The key that makes posting the same movement again a replay instead of a second entry. */
  public LedgerMovement withKey(String idempotencyKey) {
    return new LedgerMovement(partnerId, period, amount, reference, idempotencyKey, actor, reason);
  }

  /** Who moves the money (a username or {@code system:…}). */
  public LedgerMovement by(String actor) {
    return new LedgerMovement(partnerId, period, amount, reference, idempotencyKey, actor, reason);
  }

  /** Why; recorded on the entry. */
  public LedgerMovement because(String reason) {
    return new LedgerMovement(partnerId, period, amount, reference, idempotencyKey, actor, reason);
  }
}
