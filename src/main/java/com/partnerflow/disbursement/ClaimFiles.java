package com.partnerflow.disbursement;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

/** The evidence files of every claim. */
interface ClaimFiles extends JpaRepository<ClaimFile, ClaimFile.Key> {

  List<ClaimFile> findByKeyClaimId(String claimId);

  List<ClaimFile> findBySha256AndKeyClaimIdNot(String sha256, String claimId);
}
