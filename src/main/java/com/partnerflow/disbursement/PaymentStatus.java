package com.partnerflow.disbursement;

/** A payment's way from instruction to the bank's answer. */
public enum PaymentStatus {
  /** Created for a verified claim; waits for the next payment run. */
  INSTRUCTED,
  /** Gathered into a payment batch. */
  IN_BATCH,
  /** Its batch was handed to the payment channel. */
  SENT,
  /** The bank executed it; PAY is posted. */
  CONFIRMED,
  /** The bank refused it; finance corrects and retries, or cancels. */
  FAILED
}
