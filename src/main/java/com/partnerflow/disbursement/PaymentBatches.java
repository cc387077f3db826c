package com.partnerflow.disbursement;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

/** Every payment batch. */
interface PaymentBatches extends JpaRepository<PaymentBatch, String> {

  List<PaymentBatch> findAllByOrderByCreatedAtDesc();

  List<PaymentBatch> findByRunKeyOrderByCurrency(String runKey);
}
