package com.partnerflow.onboarding;

import com.partnerflow.common.NotFoundException;
import com.partnerflow.identity.PartnerflowUser;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The public partner application and its record for partner managers. */
@RestController
class ApplicationController {

  static final String PARTNER_MANAGERS = "partner-managers";

  private final ApplicationSubmission submission;
  private final ApplicationRecords records;

  ApplicationController(ApplicationSubmission submission, ApplicationRecords records) {
    this.submission = submission;
    this.records = records;
  }

  /** Applications are for partner managers and admins; to everyone else they do not exist. */
  static boolean mayRead(PartnerflowUser user) {
    return !user.isPartnerUser() && (user.inGroup(PARTNER_MANAGERS) || user.isAdmin());
  }

  record Submitted(String id, String status) {}

  record ApplicationView(
      String id,
      String status,
      String companyName,
      String website,
      String country,
      String region,
      String partnerType,
      List<String> verticals,
      Object expectedAnnualRevenue,
      int certifiedStaff,
      String contactName,
      String contactEmail,
      String screeningOutcome,
      String screeningReasons,
      String proposedTier,
      String tier,
      String partnerId,
      String agreementVersion,
      Instant agreementAcceptedAt,
      String agreementAcceptedBy,
      Instant createdAt,
      List<AuditEntry> history) {}

  @PostMapping("/api/partner-applications")
  @ResponseStatus(HttpStatus.CREATED)
  Submitted submit(@RequestBody Map<String, Object> body) {
    PartnerApplication application = submission.submit(body);
    return new Submitted(application.getId(), ApplicationStatus.SUBMITTED.name());
  }

  /** The public application form (Camunda Form schema) for the public page. */
  @GetMapping("/api/partner-applications/form")
  Map<String, Object> form() {
    return Map.of("form", submission.formSchema());
  }

  @GetMapping("/api/partner-applications/{id}")
  ApplicationView get(@PathVariable String id, @AuthenticationPrincipal PartnerflowUser user) {
    if (!mayRead(user)) {
      throw new NotFoundException("Application " + id);
    }
    PartnerApplication a = records.get(id);
    List<AuditEntry> history = records.auditTrail(id);
    return new ApplicationView(
        a.getId(),
        a.getStatus().name(),
        a.getCompanyName(),
        a.getWebsite(),
        a.getCountry(),
        a.getRegion(),
        a.getPartnerType(),
        a.getVerticals(),
        a.getExpectedAnnualRevenue(),
        a.getCertifiedStaff(),
        a.getContactName(),
        a.getContactEmail(),
        a.getScreeningOutcome(),
        a.getScreeningReasons(),
        a.getProposedTier(),
        a.getTier(),
        a.getPartnerId(),
        a.getAgreementVersion(),
        a.getAgreementAcceptedAt(),
        a.getAgreementAcceptedBy(),
        a.getCreatedAt(),
        history);
  }
}
