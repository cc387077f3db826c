package com.partnerflow.mdf;

import com.partnerflow.identity.PartnerflowUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/mdf-requests}: partners submit and follow their requests, internal users see all. */
@RestController
@Tag(name = "MDF requests", description = "Partners' requests for market development funds")
class MdfRequestController {

  static final String SUBMISSION_EXAMPLE =
      """
      {"activityType":"EVENT","title":"Customer day Munich",
       "description":"Half-day customer event with a joint product demo","region":"EMEA",
       "startDate":"2026-12-10","endDate":"2026-12-10","currency":"EUR","totalCost":10001.00,
       "requestedAmount":5000.50,"partnerContribution":5000.50,"expectedRegistrations":200,
       "expectedLeads":40,"expectedPipeline":250000,
       "milestones":[{"name":"Invitations sent","plannedDate":"2026-12-03","sharePercent":30},
                     {"name":"Event held","plannedDate":"2026-12-10","sharePercent":70}]}""";

  private final MdfRequestService service;
  private final MilestoneOverview milestones;

  MdfRequestController(MdfRequestService service, MilestoneOverview milestones) {
    this.service = service;
    this.milestones = milestones;
  }

  /** The answer to a submission: the new request's id and status, and whether it has started. */
  record SubmittedMdfRequest(
      @Schema(example = "0b6f7c1e-3c1a-4a51-9d0e-5a3f2f7f9d11") String id,
      @Schema(example = "SUBMITTED") String status,
      @Schema(
              description =
                  "`STARTED`: the approval process has started; `PENDING`: the process engine did"
                      + " not answer, the request is saved and its process starts as soon as the"
                      + " engine answers (nothing to send again)",
              example = "STARTED")
          String processStart) {}

  /** The requests a caller may see. */
  record MdfRequestPage(List<MdfRequestView> items, int total) {}

  @PostMapping("/api/mdf-requests")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(
      operationId = "submitMdfRequest",
      summary = "Submit an MDF request",
      description =
          """
          **Who:** partner users, for their own partner (internal users get `403`).

          Stores the request as `SUBMITTED` and starts its approval process (eligibility, risk \
          score, routing to 0–3 approval levels by the `mdf-approval-routing` DMN). Every invalid \
          field is named at once and nothing is written. The partner is always the caller's own: \
          properties the service sets (`partnerId`, `status`, `approvedAmount`) are refused. While \
          the process engine is away the request is saved all the same (`processStart`: \
          `PENDING`) and its process starts exactly once when the engine answers.""")
  @io.swagger.v3.oas.annotations.parameters.RequestBody(
      content =
          @Content(
              examples =
                  @ExampleObject(
                      name = "event",
                      summary = "Acme Corp (demo partner user alice) asks for an event",
                      value = SUBMISSION_EXAMPLE)))
  @ApiResponse(
      responseCode = "201",
      description = "Submitted; `Location` names the new request",
      headers =
          @Header(
              name = "Location",
              description = "`/api/mdf-requests/{id}`",
              schema = @Schema(type = "string")))
  @ApiResponse(
      responseCode = "400",
      description =
          "Invalid fields (dates, amounts, co-funding, currency of the budget, milestone shares,"
              + " unknown or service-set properties), each in `errors[]`")
  @ApiResponse(responseCode = "403", description = "The caller is no partner user")
  @ApiResponse(
      responseCode = "409",
      description = "The caller's partner is not ACTIVE and cannot request funds")
  ResponseEntity<SubmittedMdfRequest> submit(
      @RequestBody MdfRequestSubmission submission, @AuthenticationPrincipal PartnerflowUser user) {
    MdfRequestService.Submitted submitted = service.submit(user, submission);
    MdfRequest request = submitted.request();
    return ResponseEntity.created(URI.create("/api/mdf-requests/" + request.getId()))
        .body(
            new SubmittedMdfRequest(
                request.getId(),
                request.getStatus().name(),
                submitted.started() ? "STARTED" : "PENDING"));
  }

  @GetMapping("/api/mdf-requests/{id}")
  @Operation(
      operationId = "getMdfRequest",
      summary = "Read an MDF request with its milestones and decision history",
      description =
          """
          **Who:** the partner's own users (decisions name the approving group, not the person) \
          and internal users.

          `holderGroup` and `decisionDueAt` say who holds an open request and when its decision \
          is due.""")
  @ApiResponse(responseCode = "200", description = "The request")
  @ApiResponse(
      responseCode = "404",
      description = "No such request, or another partner's (for a partner user)")
  MdfRequestView get(
      @Parameter(description = "The request's id") @PathVariable String id,
      @AuthenticationPrincipal PartnerflowUser user) {
    MdfRequest request = service.get(user, id);
    return MdfRequestView.of(request, milestones.of(request), user.isPartnerUser());
  }

  /** Filters as in {@link MdfRequestFilter}; an unknown value is a 400 naming the parameter. */
  @GetMapping("/api/mdf-requests")
  @Operation(
      operationId = "listMdfRequests",
      summary = "List the MDF requests the caller may see",
      description =
          """
          **Who:** partner users (their own partner's requests) and internal users (all).

          Filters combine with AND; a blank one does not filter.""")
  @ApiResponse(responseCode = "200", description = "The requests the caller may see")
  @ApiResponse(
      responseCode = "400",
      description =
          "An unknown `status`, `tier` or `region`, or a `minAgeDays` that is no whole number ≥ 0;"
              + " `errors[]` names each parameter")
  MdfRequestPage list(
      @Parameter(
              description =
                  "`SUBMITTED`, `IN_REVIEW`, `CHANGES_REQUESTED`, `APPROVED`, `REJECTED`,"
                      + " `IN_DISBURSEMENT` or `CLOSED`",
              example = "IN_REVIEW")
          @RequestParam(required = false)
          String status,
      @Parameter(description = "The requesting partner's id") @RequestParam(required = false)
          String partnerId,
      @Parameter(description = "The partner's tier", example = "GOLD")
          @RequestParam(required = false)
          String tier,
      @Parameter(description = "The partner's sales region", example = "EMEA")
          @RequestParam(required = false)
          String region,
      @Parameter(description = "Submitted at least this many days ago", example = "7")
          @RequestParam(required = false)
          String minAgeDays,
      @AuthenticationPrincipal PartnerflowUser user) {
    MdfRequestFilter filter = MdfRequestFilter.parse(status, partnerId, tier, region, minAgeDays);
    List<MdfRequestView> items =
        service.list(user, filter).stream()
            .map(r -> MdfRequestView.of(r, milestones.of(r), user.isPartnerUser()))
            .toList();
    return new MdfRequestPage(items, items.size());
  }

  /**
   * A request as the API shows it. {@code holderGroup} and {@code decisionDueAt} say who holds an
   * open request now (a group, never a person) and when a decision is due under the SLA. {@code
   * paidAmount} and {@code releasedAmount} are what its disbursement paid and gave back; each
   * milestone carries its {@code id} and {@code status}, its share and its claim's figures.
   */
  record MdfRequestView(
      String id,
      String partnerId,
      @Schema(
              description =
                  "`SUBMITTED`, `IN_REVIEW`, `CHANGES_REQUESTED`, `APPROVED`, `REJECTED`,"
                      + " `IN_DISBURSEMENT` or `CLOSED` (more may be added)",
              example = "APPROVED")
          String status,
      String activityType,
      String title,
      String description,
      String region,
      LocalDate startDate,
      LocalDate endDate,
      String currency,
      BigDecimal totalCost,
      BigDecimal requestedAmount,
      BigDecimal partnerContribution,
      Long expectedRegistrations,
      Long expectedLeads,
      BigDecimal expectedPipeline,
      @Schema(description = "Set once approved", example = "5000.50") BigDecimal approvedAmount,
      @Schema(
              description = "Paid to the partner for confirmed milestone payments",
              example = "450.15")
          BigDecimal paidAmount,
      @Schema(
              description =
                  "Given back to the budget: unpaid rests, lapsed and rejected milestones",
              example = "350.35")
          BigDecimal releasedAmount,
      Integer riskScore,
      String riskLevel,
      @Schema(description = "The explainable reasons behind `riskScore`") List<String> riskSignals,
      int revisionRound,
      @Schema(
              description = "The group that holds an open request now",
              example = "channel-managers")
          String holderGroup,
      Instant decisionDueAt,
      Instant submittedAt,
      List<MilestoneView> milestones,
      List<MdfDecision> history) {

    /** Partners see which group decided, internal users the approver's username. */
    static MdfRequestView of(MdfRequest r, List<MilestoneView> milestones, boolean forPartner) {
      return new MdfRequestView(
          r.getId(),
          r.getPartnerId(),
          r.getStatus().name(),
          r.getActivityType().name(),
          r.getTitle(),
          r.getDescription(),
          r.getRegion(),
          r.getStartDate(),
          r.getEndDate(),
          r.getCurrency(),
          r.getTotalCost(),
          r.getRequestedAmount(),
          r.getPartnerContribution(),
          r.getExpectedRegistrations(),
          r.getExpectedLeads(),
          r.getExpectedPipeline(),
          r.getApprovedAmount(),
          r.getPaidAmount(),
          r.getReleasedAmount(),
          r.getRiskScore(),
          r.getRiskLevel(),
          r.getRiskSignals(),
          r.getRevisionRound(),
          r.getHolderGroup(),
          r.getDecisionDueAt(),
          r.getSubmittedAt(),
          milestones,
          MdfDecision.historyFor(r, forPartner));
    }
  }
}
