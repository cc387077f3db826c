package com.partnerflow.partner;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

/** The audit trail of bank account changes. */
interface BankAccountChanges extends JpaRepository<BankAccountChange, Long> {

  List<BankAccountChange> findByPartnerIdOrderByChangedAtAscIdAsc(String partnerId);
}
