package com.partnerflow.onboarding;

import java.time.Instant;

/** One decision or event on an application as the API and pages show it: who, when, what, why. */
record AuditEntry(String action, String actor, String detail, Instant at) {

  static AuditEntry of(ApplicationEvent event) {
    return new AuditEntry(event.getAction(), event.getActor(), event.getDetail(), event.getAt());
  }
}
