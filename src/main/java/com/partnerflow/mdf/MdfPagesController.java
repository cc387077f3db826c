package com.partnerflow.mdf;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.partnerflow.common.InvalidRequestException;
import com.partnerflow.fund.FundLedger;
import com.partnerflow.identity.PartnerflowUser;
import com.partnerflow.partner.Partner;
import com.partnerflow.partner.Partners;
import com.partnerflow.partner.Region;
import com.partnerflow.partner.Tier;
import com.partnerflow.task.InboxTask;
import com.partnerflow.task.InboxTasks;
import com.partnerflow.task.TaskState;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The MDF pages: a partner sees their requests with status, who holds each open one and when a
 * decision is due, and their balances; internal users see every request, filterable by partner,
 * tier, region, status and age. Each request has a page with its milestones and decision history.
 */
@Controller
class MdfPagesController {

  /** The form of the partner's claim tasks in {@code mdf-disbursement}. */
  static final String CLAIM_FORM = "milestone-claim";

  private final MdfRequestService service;
  private final FundLedger funds;
  private final Partners partners;
  private final InboxTasks tasks;
  private final ObjectMapper json;
  private final MilestoneOverview milestones;

  MdfPagesController(
      MdfRequestService service,
      FundLedger funds,
      Partners partners,
      InboxTasks tasks,
      ObjectMapper json,
      MilestoneOverview milestones) {
    this.service = service;
    this.funds = funds;
    this.partners = partners;
    this.tasks = tasks;
    this.json = json;
    this.milestones = milestones;
  }

  /** Bad filter values show the page with the problems (400) and no requests. */
  @GetMapping("/mdf-requests")
  String requests(
      @RequestParam(required = false) String status,
      @RequestParam(required = false) String partnerId,
      @RequestParam(required = false) String tier,
      @RequestParam(required = false) String region,
      @RequestParam(required = false) String minAgeDays,
      @AuthenticationPrincipal PartnerflowUser user,
      HttpServletResponse response,
      Model model) {
    List<MdfRequest> found = List.of();
    try {
      MdfRequestFilter filter = MdfRequestFilter.parse(status, partnerId, tier, region, minAgeDays);
      found = service.list(user, filter);
    } catch (InvalidRequestException e) {
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      model.addAttribute("problems", e.problems());
    }
    model.addAttribute("requests", found);
    model.addAttribute("statuses", MdfStatus.values());
    model.addAttribute("tiers", Tier.values());
    model.addAttribute("regions", Region.values());
    model.addAttribute(
        "filter",
        Map.of(
            "status", text(status),
            "partnerId", text(partnerId),
            "tier", text(tier),
            "region", text(region),
            "minAgeDays", text(minAgeDays)));
    boolean partnerUser = user.isPartnerUser();
    model.addAttribute("balances", partnerUser ? funds.balances(user.partnerId()) : List.of());
    model.addAttribute(
        "partners",
        partnerUser
            ? List.of()
            : partners.findAll().stream().sorted(Comparator.comparing(Partner::getName)).toList());
    model.addAttribute("partnerNames", partnerUser ? Map.of() : partnerNames());
    return "mdf/requests";
  }

  /**
   * One request with its milestones, who holds it, when its decision is due and its decision
   * history. Partners see only their own (another partner's is the 404 page) and neither the risk
   * assessment nor who decided in person (the group instead); internal users see everything.
   */
  @GetMapping("/mdf-requests/{id}")
  String request(
      @PathVariable String id, @AuthenticationPrincipal PartnerflowUser user, Model model) {
    MdfRequest request = service.get(user, id);
    boolean partnerUser = user.isPartnerUser();
    model.addAttribute("request", request);
    model.addAttribute("history", MdfDecision.historyFor(request, partnerUser));
    model.addAttribute("showRisk", !partnerUser);
    model.addAttribute("milestones", milestones.of(request));
    model.addAttribute("claimTasks", openClaimTasks(request));
    model.addAttribute(
        "partnerName", partners.findById(request.getPartnerId()).map(Partner::getName).orElse(""));
    return "mdf/request";
  }

  /** The start form for partner users; internal users get the list instead. */
  @GetMapping("/mdf-requests/new")
  String newRequest(@AuthenticationPrincipal PartnerflowUser user) {
    return user.isPartnerUser() ? "mdf/new-request" : "redirect:/mdf-requests";
  }

  /** The start form's schema ({@code forms/mdf-request.form}) for form-js. */
  @GetMapping(value = "/api/mdf-requests/form", produces = MediaType.APPLICATION_JSON_VALUE)
  @ResponseBody
  @Tag(name = "MDF requests")
  @Operation(
      operationId = "getMdfRequestForm",
      summary = "The MDF request start form",
      description =
          """
          **Who:** any signed-in user.

          The Camunda Form schema of `forms/mdf-request.form`, which the UI renders with form-js; \
          its field keys are the properties of `POST /api/mdf-requests`.""")
  @ApiResponse(
      responseCode = "200",
      description = "The Camunda Form schema",
      content = @Content(schema = @Schema(type = "object")))
  String form() throws IOException {
    return new ClassPathResource("forms/mdf-request.form")
        .getContentAsString(StandardCharsets.UTF_8);
  }

  /**
   * The request's open claim tasks (a claim, or more evidence for one) by milestone id: the tasks
   * of the {@code milestone-claim} form whose context names the request and the milestone.
   */
  private Map<String, InboxTask> openClaimTasks(MdfRequest request) {
    Map<String, InboxTask> byMilestone = new HashMap<>();
    for (InboxTask task :
        tasks.findByStateAndFormKeyOrderByCreatedAtAsc(TaskState.OPEN, CLAIM_FORM)) {
      if (!request.getPartnerId().equals(task.getPartnerId()) || task.getContextJson() == null) {
        continue;
      }
      try {
        JsonNode context = json.readTree(task.getContextJson());
        if (request.getId().equals(context.path("mdfRequestId").asText())
            && context.hasNonNull("milestoneId")) {
          byMilestone.putIfAbsent(context.get("milestoneId").asText(), task);
        }
      } catch (JsonProcessingException e) {
        // A task without a readable context is about no milestone.
      }
    }
    return byMilestone;
  }

  private Map<String, String> partnerNames() {
    return partners.findAll().stream().collect(Collectors.toMap(Partner::getId, Partner::getName));
  }

  private static String text(String value) {
    return value == null ? "" : value;
  }
}
