package com.partnerflow.partner;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/** The current bank account of one partner. */
@Entity
@Table(name = "partner_bank_account")
class StoredBankAccount {

  @Id private String partnerId;
  private String holderName;
  private String iban;
  private String bic;
  private String accountNumber;
  private String routingNumber;
  private String country;
  private Instant changedAt;
  private String changedBy;
  @Version private long version;

  protected StoredBankAccount() {}

  StoredBankAccount(String partnerId) {
    this.partnerId = partnerId;
  }

  void set(BankAccount account) {
    this.holderName = account.holderName();
    this.iban = account.iban();
    this.bic = account.bic();
    this.accountNumber = account.accountNumber();
    this.routingNumber = account.routingNumber();
    this.country = account.country();
    this.changedAt = account.changedAt();
    this.changedBy = account.changedBy();
  }

  BankAccount toBankAccount() {
    return new BankAccount(
        partnerId,
        holderName,
        iban,
        bic,
        accountNumber,
        routingNumber,
        country,
        changedAt,
        changedBy);
  }
}
