package com.partnerflow.partner;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One change of a partner's bank account in the append-only audit trail, numbers masked. */
@Entity
@Table(name = "partner_bank_account_change")
class BankAccountChange {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  private String partnerId;
  private String changedBy;
  private Instant changedAt;
  private String oldHolderName;

  @Column(name = "old_account")
  private String oldAccountMasked;

  private String newHolderName;

  @Column(name = "new_account")
  private String newAccountMasked;

  protected BankAccountChange() {}

  /**
   * @param before null for a partner's first account
   */
  BankAccountChange(BankAccount before, BankAccount after) {
    this.partnerId = after.partnerId();
    this.changedBy = after.changedBy();
    this.changedAt = after.changedAt();
    this.oldHolderName = before == null ? null : before.holderName();
    this.oldAccountMasked = before == null ? null : before.masked();
    this.newHolderName = after.holderName();
    this.newAccountMasked = after.masked();
  }

  Long getId() {
    return id;
  }

  String getPartnerId() {
    return partnerId;
  }

  String getChangedBy() {
    return changedBy;
  }

  Instant getChangedAt() {
    return changedAt;
  }

  String getOldHolderName() {
    return oldHolderName;
  }

  String getOldAccountMasked() {
    return oldAccountMasked;
  }

  String getNewHolderName() {
    return newHolderName;
  }

  String getNewAccountMasked() {
    return newAccountMasked;
  }
}
