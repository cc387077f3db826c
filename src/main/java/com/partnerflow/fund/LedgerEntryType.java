package com.partnerflow.fund;

/** The kinds of money movement the fund ledger records. */
public enum LedgerEntryType {
  /** Adds to a budget's allocation. */
  ALLOCATE,
  /** Earmarks part of the available amount for one reference (e.g. an approved MDF request). */
  RESERVE,
  /** Gives an unused reservation back to the available amount. */
  RELEASE,
  /** Turns reserved money into paid money. */
  PAY,
  /** A signed correction of the allocation. */
  ADJUST
}
