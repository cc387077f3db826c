/**
 * Partners: the companies in the program, their status, tier and region, and the bank account each
 * is paid to. Exposes {@link com.partnerflow.partner.Partners} for lookups, {@link
 * com.partnerflow.partner.PartnerBankAccounts} for payments, and the partner directory API.
 */
@org.springframework.modulith.ApplicationModule(
    displayName = "Partner",
    allowedDependencies = {"common", "identity", "notification"})
package com.partnerflow.partner;
