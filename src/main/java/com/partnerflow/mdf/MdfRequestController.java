package com.partnerflow.mdf;

import com.partnerflow.identity.PartnerflowUser;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/mdf-requests}: partners submit and follow their requests, internal users see all. */
@RestController
class MdfRequestController {

  private final MdfRequestService service;

  MdfRequestController(MdfRequestService service) {
    this.service = service;
  }

  @PostMapping("/api/mdf-requests")
  ResponseEntity<Map<String, String>> submit(
      @RequestBody MdfRequestSubmission submission, @AuthenticationPrincipal PartnerflowUser user) {
    MdfRequest request = service.submit(user, submission);
    return ResponseEntity.created(URI.create("/api/mdf-requests/" + request.getId()))
        .body(Map.of("id", request.getId(), "status", request.getStatus().name()));
  }

  @GetMapping("/api/mdf-requests/{id}")
  MdfRequestView get(@PathVariable String id, @AuthenticationPrincipal PartnerflowUser user) {
    return MdfRequestView.of(service.get(user, id), user.isPartnerUser());
  }

  /** Filters as in {@link MdfRequestFilter}; an unknown value is a 400 naming the parameter. */
  @GetMapping("/api/mdf-requests")
  Map<String, Object> list(
      @RequestParam(required = false) String status,
      @RequestParam(required = false) String partnerId,
      @RequestParam(required = false) String tier,
      @RequestParam(required = false) String region,
      @RequestParam(required = false) String minAgeDays,
      @AuthenticationPrincipal PartnerflowUser user) {
    MdfRequestFilter filter = MdfRequestFilter.parse(status, partnerId, tier, region, minAgeDays);
    List<MdfRequestView> items =
        service.list(user, filter).stream()
            .map(r -> MdfRequestView.of(r, user.isPartnerUser()))
            .toList();
    return Map.of("items", items, "total", items.size());
  }

  /**
   * A request as the API shows it. {@code holderGroup} and {@code decisionDueAt} say who holds an
   * open request now (a group, never a person) and when a decision is due under the SLA. {@code
   * paidAmount} and {@code releasedAmount} are what its disbursement paid and gave back; each
   * milestone carries its {@code id} and {@code status}.
   */
  record MdfRequestView(
      String id,
      String partnerId,
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
      BigDecimal approvedAmount,
      BigDecimal paidAmount,
      BigDecimal releasedAmount,
      Integer riskScore,
      String riskLevel,
      List<String> riskSignals,
      int revisionRound,
      String holderGroup,
      Instant decisionDueAt,
      Instant submittedAt,
      List<Milestone> milestones,
      List<MdfDecision> history) {

    /** Partners see which group decided, internal users the approver's username. */
    static MdfRequestView of(MdfRequest r, boolean forPartner) {
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
          r.getMilestones(),
          MdfDecision.historyFor(r, forPartner));
    }
  }
}
