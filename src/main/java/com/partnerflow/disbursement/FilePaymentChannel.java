package com.partnerflow.disbursement;

import org.springframework.stereotype.Component;

/**
 * The default payment channel: the batch's pain.001 file stays in the database and finance
 * downloads it at {@code GET /api/payments/batches/{id}/file}; nothing is sent anywhere.
 */
@Component
class FilePaymentChannel implements PaymentChannel {

  static final String NAME = "file";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public void send(PaymentBatch batch) {
    if (batch.getFileContent() == null || batch.getFileContent().isBlank()) {
      throw new IllegalStateException("Payment batch " + batch.getId() + " has no file");
    }
  }
}
