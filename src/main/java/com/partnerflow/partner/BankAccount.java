package com.partnerflow.partner;

import java.time.Instant;

/**
 * Where a partner is paid: an IBAN (with the BIC of its bank when known) or, where IBANs are not
 * used, an account number with the routing number of its bank. Exactly one of {@code iban} and
 * {@code accountNumber} is set.
 *
 * @param iban compact, upper case, checked (e.g. {@code DE89370400440532013000})
 * @param bic 8 or 11 characters, or null
 * @param country ISO 3166 alpha-2 code of the account's country (an IBAN's own)
 * @param changedAt when the account was last set: payments soon after a change are held
 * @param changedBy username of who set it
 */
public record BankAccount(
    String partnerId,
    String holderName,
    String iban,
    String bic,
    String accountNumber,
    String routingNumber,
    String country,
    Instant changedAt,
    String changedBy) {

  /** The account number shown in mails, logs and the audit trail: its last four characters. */
  public String masked() {
    return AccountMask.mask(iban != null ? iban : accountNumber);
  }
}
