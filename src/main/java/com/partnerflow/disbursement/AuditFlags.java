package com.partnerflow.disbursement;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

/** Audit flags of blocked claims. */
interface AuditFlags extends JpaRepository<AuditFlag, Long> {

  List<AuditFlag> findByClaimId(String claimId);

  boolean existsByClaimIdAndOtherClaimIdAndKind(String claimId, String otherClaimId, String kind);
}
