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

  /**
   * The token of the application's status page, given to applications from before the page on first
   * use.
   */
  @Transactional
  String statusTokenOf(String id) {
    return get(id).statusToken();
  }

  /**
   * The application the status page token names.
   *
   * @throws NotFoundException for an unknown token, like for an unknown application
   */
  @Transactional(readOnly = true)
  PartnerApplication byStatusToken(String token) {
    return applications
        .findByStatusToken(token == null || token.length() > 100 ? "" : token)
        .orElseThrow(() -> new NotFoundException("This link is not valid"));
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
