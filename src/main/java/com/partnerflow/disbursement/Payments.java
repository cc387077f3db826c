package com.partnerflow.disbursement;

import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/** Every payment. */
interface Payments extends JpaRepository<Payment, String> {

  Optional<Payment> findByIdempotencyKey(String idempotencyKey);

  List<Payment> findByBatchIdOrderByCreatedAtAsc(String batchId);

  List<Payment> findAllByOrderByCreatedAtDesc();

  List<Payment> findByMdfRequestIdOrderByCreatedAtAsc(String mdfRequestId);

  /** The payment under a row lock, so confirmations and failures of one payment serialise. */
  @Lock(LockModeType.PESSIMISTIC_WRITE)
  @Query("select p from Payment p where p.id = :id")
  Optional<Payment> lock(@Param("id") String id);

  /** Instructed payments of one currency under row locks, so two runs never batch one twice. */
  @Lock(LockModeType.PESSIMISTIC_WRITE)
  @Query(
      "select p from Payment p where p.status = com.partnerflow.disbursement.PaymentStatus.INSTRUCTED"
          + " order by p.currency, p.createdAt")
  List<Payment> lockInstructed();
}
