package com.partnerflow.disbursement;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

/** The lines of every payment batch. */
interface PaymentBatchLines extends JpaRepository<PaymentBatchLine, PaymentBatchLine.Key> {

  List<PaymentBatchLine> findByKeyBatchId(String batchId);

  long countByKeyPaymentId(String paymentId);
}
