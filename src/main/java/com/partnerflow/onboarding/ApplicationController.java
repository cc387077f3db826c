package com.partnerflow.onboarding;

import com.partnerflow.common.NotFoundException;
import com.partnerflow.identity.PartnerflowUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
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
@Tag(name = "Partner applications", description = "Companies apply to join the partner program")
class ApplicationController {

  static final String APPLICATION_EXAMPLE =
      """
      {"companyName":"Initech GmbH","website":"https://initech.example","country":"DE",
       "region":"EMEA","partnerType":"RESELLER","verticals":["Manufacturing","Retail"],
       "expectedAnnualRevenue":1500000,"certifiedStaff":6,"contactName":"Ina Tech",
       "contactEmail":"ina@initech.example","acceptTerms":true}""";

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

  @Schema(name = "SubmittedApplication")
  record Submitted(
      @Schema(example = "5d1c2f0a-8e53-4f7e-a1b2-9c3d4e5f6a7b") String id,
      @Schema(example = "SUBMITTED") String status,
      @Schema(
              description =
                  "The applicant's status page, a path on this service: where the application"
                      + " stands and what is expected of the applicant next. Public behind its"
                      + " random token; the confirmation mail links to it too.",
              example = "/application-status/Yk3q0t9x8m2QJH4c2Hq7B1oQyq6mW0yZ3v5n8a7c9dE")
          String statusPage) {}

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
  @Operation(
      operationId = "submitPartnerApplication",
      summary = "Apply to join the partner program",
      description =
          """
          **Who:** anyone (public, no sign-in).

          The keys are the fields of `forms/partner-application.form`: `companyName`, `website`, \
          `country` (ISO 3166 alpha-2), `region` (`AMER`, `EMEA`, `APAC`, `LATAM`), `partnerType` \
          (`RESELLER`, `REFERRAL`, `TECHNOLOGY`, `MSP`), `verticals[]`, `expectedAnnualRevenue`, \
          `certifiedStaff`, `contactName`, `contactEmail` and `acceptTerms`. The application is \
          screened automatically and reviewed by partner managers; the contact hears by mail. \
          The answer names the applicant's status page (`statusPage`), which the confirmation \
          mail links to as well.""")
  @io.swagger.v3.oas.annotations.parameters.RequestBody(
      content =
          @Content(
              schema = @Schema(type = "object"),
              examples = @ExampleObject(name = "reseller", value = APPLICATION_EXAMPLE)))
  @ApiResponse(
      responseCode = "400",
      description =
          "Invalid fields, validated against the application form (required, formats, allowed"
              + " values, terms accepted, website with a domain), each in `errors[]`")
  @ApiResponse(
      responseCode = "409",
      description = "The same domain has an open application already")
  @ApiResponse(
      responseCode = "503",
      description = "The process engine did not accept the application; nothing was stored")
  Submitted submit(@RequestBody Map<String, Object> body) {
    PartnerApplication application = submission.submit(body);
    return new Submitted(
        application.getId(),
        ApplicationStatus.SUBMITTED.name(),
        ApplicantStatusPage.PATH + application.statusToken());
  }

  /** The public application form (Camunda Form schema) for the public page. */
  @GetMapping("/api/partner-applications/form")
  @Operation(
      operationId = "getPartnerApplicationForm",
      summary = "The partner application form",
      description =
          """
          **Who:** anyone (public, no sign-in).

          `{"form": …}`: the Camunda Form schema of `forms/partner-application.form`, whose field \
          keys are the properties of `POST /api/partner-applications`.""")
  @ApiResponse(responseCode = "200", description = "The form schema")
  @ApiResponse(
      responseCode = "400",
      description = "The path holds characters or sequences the service refuses (`%2F`, `//`, `;`)")
  Map<String, Object> form() {
    return Map.of("form", submission.formSchema());
  }

  @GetMapping("/api/partner-applications/{id}")
  @Operation(
      operationId = "getPartnerApplication",
      summary = "Read a partner application with its screening, tier and audit trail",
      description =
          """
          **Who:** partner managers and admins (to everyone else applications do not exist).

          `status` is `SUBMITTED`, `IN_REVIEW`, `INFO_REQUESTED`, `AWAITING_AGREEMENT`, \
          `ACTIVATED`, `REJECTED` or `EXPIRED`; `partnerId` is set once activated.""")
  @ApiResponse(responseCode = "200", description = "The application")
  @ApiResponse(
      responseCode = "404",
      description = "No such application, or the caller is no partner manager or admin")
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
