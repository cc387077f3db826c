package com.partnerflow.onboarding;

import com.partnerflow.common.NotFoundException;
import java.time.Clock;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Changes to applications, each with its entry in the audit trail. */
@Service
class ApplicationRecords {

  static final String SYSTEM = "system";

  private final PartnerApplications applications;
  private final ApplicationEvents events;
  private final Clock clock;

  ApplicationRecords(PartnerApplications applications, ApplicationEvents events, Clock clock) {
    this.applications = applications;
    this.events = events;
    this.clock = clock;
  }

  @Transactional(readOnly = true)
  PartnerApplication get(String id) {
    return applications.findById(id).orElseThrow(() -> new NotFoundException("Application " + id));
  }

  /** Applies the change and records who did what and why. */
  @Transactional
  PartnerApplication change(
      String id, String action, String actor, String detail, Consumer<PartnerApplication> change) {
    PartnerApplication application = get(id);
    change.accept(application);
    events.save(new ApplicationEvent(id, action, actor, detail, clock.instant()));
    return application;
  }

  /** The application's audit trail, oldest first. */
  @Transactional(readOnly = true)
  List<AuditEntry> auditTrail(String id) {
    return events.findByApplicationIdOrderByAtAscIdAsc(id).stream().map(AuditEntry::of).toList();
  }
}
