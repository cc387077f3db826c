package com.partnerflow.partner;

import jakarta.persistence.LockModeType;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

/** The partners' current bank accounts. */
interface StoredBankAccounts extends JpaRepository<StoredBankAccount, String> {

  /** The account with its row locked until the transaction ends: one change at a time. */
  @Lock(LockModeType.PESSIMISTIC_WRITE)
  @Query("select a from StoredBankAccount a where a.partnerId = :partnerId")
  Optional<StoredBankAccount> findForUpdate(String partnerId);
}
