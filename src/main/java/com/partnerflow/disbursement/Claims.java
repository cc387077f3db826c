package com.partnerflow.disbursement;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

/** Every milestone's claim. */
interface Claims extends JpaRepository<Claim, String> {

  Optional<Claim> findByMilestoneId(String milestoneId);

  List<Claim> findByMdfRequestId(String mdfRequestId);

  /** Other claims of the partner with the same invoice (normalised number). */
  List<Claim> findByPartnerIdAndInvoiceKeyAndIdNot(String partnerId, String invoiceKey, String id);
}
