package com.partnerflow.dispute;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

/** Every dispute's audit trail. */
interface DisputeEvents extends JpaRepository<DisputeEvent, Long> {

  List<DisputeEvent> findByDisputeIdOrderByOccurredAtAscIdAsc(String disputeId);

  boolean existsByStepKey(String stepKey);
}
