package com.partnerflow.onboarding;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

/** The audit trail of partner applications. */
interface ApplicationEvents extends JpaRepository<ApplicationEvent, Long> {

  List<ApplicationEvent> findByApplicationIdOrderByAtAscIdAsc(String applicationId);

  boolean existsByApplicationIdAndAction(String applicationId, String action);
}
