package com.partnerflow.fund;

import com.partnerflow.common.ConflictException;

/** The budget's available amount is smaller than the movement asks for; nothing was recorded. */
public class InsufficientFunds extends ConflictException {

  private final Money available;
  private final Money requested;

  public InsufficientFunds(String partnerId, String period, Money available, Money requested) {
    super(
        "Insufficient funds in fund period "
            + period
            + " for partner "
            + partnerId
            + ": "
            + available
            + " available, "
            + requested
            + " requested");
    this.available = available;
    this.requested = requested;
  }

  public Money available() {
    return available;
  }

  public Money requested() {
    return requested;
  }
}
