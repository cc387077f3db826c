package com.partnerflow.disbursement;

import org.springframework.beans.factory.ObjectProvider;

/**
 * The adapters of the ports {@link EvidenceFiles}, {@link BankDetailChanges} and {@link
 * PaymentFile} come with task attachments, partner bank details and the pain.001 writer. Without
 * one the service still starts, and the step that needs it fails its job (retries, then an incident
 * naming the missing adapter) instead of guessing.
 */
final class Ports {

  static <T> T required(ObjectProvider<T> port, Class<T> type) {
    T adapter = port.getIfAvailable();
    if (adapter == null) {
      throw new IllegalStateException(
          "No adapter of the port " + type.getSimpleName() + " is configured");
    }
    return adapter;
  }

  private Ports() {}
}
