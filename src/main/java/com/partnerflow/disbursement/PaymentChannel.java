package com.partnerflow.disbursement;

/**
 * Port: where a payment batch goes. The default, {@code file}, keeps the pain.001 file for finance
 * to download and upload to the bank; an ERP or PSP adapter implements this interface under its own
 * {@link #name()} and is chosen with {@code partnerflow.disbursement.payment-channel}.
 */
public interface PaymentChannel {

  /** The name the configuration selects the channel by. */
  String name();

  /**
   * Hands the batch over. Must be idempotent by the batch's message id: a retried job sends the
   * same batch again.
   */
  void send(PaymentBatch batch);
}
