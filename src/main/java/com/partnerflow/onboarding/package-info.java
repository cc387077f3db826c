/**
 * Partner onboarding: the public partner application, automated screening, the review by partner
 * managers, the applicant's single-use links, the program agreement and the activation of a
 * partner. The process itself is {@code bpmn/partner-onboarding.bpmn}; this module holds its
 * workers, the application records with their audit trail and the API.
 */
@org.springframework.modulith.ApplicationModule(
    displayName = "Partner onboarding",
    allowedDependencies = {
      "common",
      "identity",
      "partner",
      "task",
      "task::form",
      "engine",
      "notification",
      "fund"
    })
package com.partnerflow.onboarding;
