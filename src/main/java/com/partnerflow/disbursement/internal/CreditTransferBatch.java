package com.partnerflow.disbursement.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * One payment file: the company's account that pays (debtor) and the transfers to the partners.
 *
 * @param messageId unique per file, at most 35 characters (the bank refuses a repeated one)
 * @param debtorBic may be null; the file then says the debtor's bank is not provided
 */
public record CreditTransferBatch(
    String messageId,
    Instant createdAt,
    String debtorName,
    String debtorIban,
    String debtorBic,
    LocalDate requestedExecutionDate,
    List<CreditTransfer> transfers) {

  public CreditTransferBatch {
    transfers = List.copyOf(transfers);
  }
}
