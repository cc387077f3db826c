package com.partnerflow.onboarding;

import com.partnerflow.identity.PartnerflowUser;
import com.partnerflow.partner.Partner;
import com.partnerflow.partner.PartnerPageSection;
import java.util.List;
import java.util.Optional;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The partner page's onboarding history: the audit trail of the application the partner was
 * activated from, for internal users, with a link to the application for those who may read it.
 * Partner users do not get it: screening reasons name other partners and review notes are internal.
 */
@Component
@Order(20)
class OnboardingHistorySection implements PartnerPageSection {

  private final PartnerApplications applications;
  private final ApplicationRecords records;

  OnboardingHistorySection(PartnerApplications applications, ApplicationRecords records) {
    this.applications = applications;
    this.records = records;
  }

  /** What the section shows: the application, whether to link it, and its audit trail. */
  record Onboarding(String applicationId, boolean linked, List<AuditEntry> history) {}

  @Override
  public String template() {
    return "onboarding/partner-onboarding";
  }

  @Override
  public Optional<?> content(Partner partner, PartnerflowUser viewer) {
    if (viewer.isPartnerUser()) {
      return Optional.empty();
    }
    return applications
        .findFirstByPartnerId(partner.getId())
        .map(
            a ->
                new Onboarding(
                    a.getId(),
                    ApplicationController.mayRead(viewer),
                    records.auditTrail(a.getId())));
  }
}
