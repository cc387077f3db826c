package com.partnerflow.disbursement.internal;

import java.math.BigDecimal;

/**
 * One transfer to a partner. The creditor's account is either an IBAN (with an optional BIC) or an
 * account number with the routing number of its bank.
 *
 * @param endToEndId travels with the money to the partner's statement and back in the bank's
 *     reports; at most 35 characters
 * @param amount positive, at most two decimals
 * @param currency ISO 4217 code
 */
public record CreditTransfer(
    String endToEndId,
    BigDecimal amount,
    String currency,
    String creditorName,
    String creditorIban,
    String creditorBic,
    String creditorAccountNumber,
    String creditorRoutingNumber,
    String remittanceInformation) {

  boolean hasIban() {
    return creditorIban != null && !creditorIban.isBlank();
  }
}
