package com.partnerflow.partner;

/**
 * A partner admin's bank account as sent to {@code PUT /api/partners/{id}/bank-account}: either
 * {@code iban} (with an optional {@code bic}) or {@code accountNumber} with {@code routingNumber}
 * and {@code country}.
 */
record BankAccountDetails(
    String holderName,
    String iban,
    String bic,
    String accountNumber,
    String routingNumber,
    String country) {}
