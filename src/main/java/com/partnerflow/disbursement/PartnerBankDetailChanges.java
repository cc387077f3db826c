package com.partnerflow.disbursement;

import com.partnerflow.partner.BankAccount;
import com.partnerflow.partner.PartnerBankAccounts;
import java.time.Instant;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** The bank-detail port on the partner module's bank accounts. */
@Component
class PartnerBankDetailChanges implements BankDetailChanges {

  private final PartnerBankAccounts accounts;

  PartnerBankDetailChanges(PartnerBankAccounts accounts) {
    this.accounts = accounts;
  }

  @Override
  public Optional<Instant> lastChange(String partnerId) {
    return accounts.current(partnerId).map(BankAccount::changedAt);
  }
}
