package com.partnerflow.insights;

import com.partnerflow.common.InvalidRequestException;
import com.partnerflow.identity.PartnerflowUser;
import com.partnerflow.insights.InsightsViews.Cohorts;
import com.partnerflow.insights.InsightsViews.Dashboard;
import com.partnerflow.insights.InsightsViews.Funnel;
import com.partnerflow.insights.InsightsViews.Reconciliation;
import com.partnerflow.insights.InsightsViews.Review;
import com.partnerflow.insights.InsightsViews.Roi;
import com.partnerflow.insights.InsightsViews.Utilisation;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/insights}: the program's figures for its leadership groups. */
@RestController
@Tag(
    name = "Insights",
    description = "Program figures: utilisation, funnel, ROI, speed, governance")
class InsightsController {

  static final String WHO =
      "**Who:** partner-managers, channel-managers, marketing-directors, finance,"
          + " executive-sponsors and admins; everyone else, partner users included, gets `404`.\n\n";
  private static final String NOT_VISIBLE = "The caller is not in one of the groups above";
  private static final String BAD_FILTER =
      "An unknown filter value or a period in the wrong format, naming the parameter";
  static final MediaType XLSX =
      MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

  private final Insights insights;

  InsightsController(Insights insights) {
    this.insights = insights;
  }

  /** The body of a reconciliation review. */
  record ReviewRequest(
      @Schema(
              description = "the fund period reviewed; the current one when absent",
              example = "2026-Q4")
          String period,
      @Schema(description = "what the reviewer concluded (at most 2000 characters)") String note) {}

  @GetMapping("/api/insights")
  @Operation(
      operationId = "getInsights",
      summary = "The program dashboard",
      description =
          WHO
              + "Everything the page `/insights` shows for one fund period (the current one"
              + " without `period`): utilisation of the last 8 periods (or of `period`), the"
              + " burn-down, the funnel, ROI per activity type and per partner, speed and"
              + " governance. Request figures cover the requests submitted in the period.")
  @ApiResponse(responseCode = "200", description = "The figures")
  @ApiResponse(responseCode = "400", description = BAD_FILTER)
  @ApiResponse(responseCode = "404", description = NOT_VISIBLE)
  Dashboard dashboard(
      @AuthenticationPrincipal PartnerflowUser user, @ParameterObject InsightsQuery query) {
    return insights.dashboard(user, query.filter());
  }

  @GetMapping("/api/insights/utilisation")
  @Operation(
      operationId = "getInsightsUtilisation",
      summary = "Fund utilisation per period",
      description =
          WHO
              + "Allocated, reserved, paid, released and lapsed per fund period and currency, the"
              + " last 8 periods or `period` only. With `activityType` the movements of that"
              + " type's requests beside the whole allocation.")
  @ApiResponse(responseCode = "200", description = "One row per period and currency, oldest first")
  @ApiResponse(responseCode = "400", description = BAD_FILTER)
  @ApiResponse(responseCode = "404", description = NOT_VISIBLE)
  List<Utilisation> utilisation(
      @AuthenticationPrincipal PartnerflowUser user, @ParameterObject InsightsQuery query) {
    return insights.utilisation(user, query.filter());
  }

  @GetMapping("/api/insights/funnel")
  @Operation(
      operationId = "getInsightsFunnel",
      summary = "Requested → approved → claimed → verified → paid",
      description =
          WHO
              + "Requests submitted in the period (the current one without `period`) at each step,"
              + " in count and money of one currency (`currency`, or the one with the most"
              + " requests), with the drop-off from the step before.")
  @ApiResponse(responseCode = "200", description = "The steps")
  @ApiResponse(responseCode = "400", description = BAD_FILTER + ", or `currency`")
  @ApiResponse(responseCode = "404", description = NOT_VISIBLE)
  Funnel funnel(
      @AuthenticationPrincipal PartnerflowUser user,
      @ParameterObject InsightsQuery query,
      @Parameter(description = "ISO 4217 currency", example = "EUR") @RequestParam(required = false)
          String currency) {
    return insights.funnel(user, query.filter(), currency);
  }

  @GetMapping("/api/insights/roi")
  @Operation(
      operationId = "getInsightsRoi",
      summary = "ROI per group",
      description =
          WHO
              + "Leads, opportunities and pipeline measured by verified claims per unit of MDF"
              + " paid, cost per lead, and the expected figures of the approved requests, per"
              + " `groupBy` (`activityType` by default, `partner`, `tier`, `region`, `vertical`, or `joinQuarter`, the cohort of the quarter the"
              + " partner joined)"
              + " and currency.")
  @ApiResponse(responseCode = "200", description = "One row per group and currency")
  @ApiResponse(responseCode = "400", description = BAD_FILTER + ", or an unknown `groupBy`")
  @ApiResponse(responseCode = "404", description = NOT_VISIBLE)
  List<Roi> roi(
      @AuthenticationPrincipal PartnerflowUser user,
      @Parameter(description = "activityType, partner, tier, region, vertical or joinQuarter")
          @RequestParam(required = false)
          String groupBy,
      @ParameterObject InsightsQuery query) {
    InsightsFilter filter = query.filter();
    InsightsGrouping grouping =
        InsightsGrouping.parse(
            groupBy,
            "groupBy",
            InsightsGrouping.ACTIVITY_TYPE,
            List.of(
                InsightsGrouping.ACTIVITY_TYPE,
                InsightsGrouping.PARTNER,
                InsightsGrouping.TIER,
                InsightsGrouping.REGION,
                InsightsGrouping.VERTICAL,
                InsightsGrouping.JOIN_QUARTER));
    return insights.roi(user, filter, grouping);
  }

  @GetMapping("/api/insights/cohorts")
  @Operation(
      operationId = "getInsightsCohorts",
      summary = "Cohorts of partners over several fund periods",
      description =
          WHO
              + "Partners grouped `by` `tier` (default), `region`, `vertical` or `joinQuarter`,"
              + " per currency, over the `periods` (4 to 8, default 4) fund periods ending with"
              + " `period` (the current one by default): utilisation, paid, leads, pipeline per"
              + " unit paid, cost per lead and time to cash (p50) per period.")
  @ApiResponse(responseCode = "200", description = "The cohorts")
  @ApiResponse(
      responseCode = "400",
      description = BAD_FILTER + ", an unknown `by`, or `periods` outside 4–8")
  @ApiResponse(responseCode = "404", description = NOT_VISIBLE)
  Cohorts cohorts(
      @AuthenticationPrincipal PartnerflowUser user,
      @Parameter(description = "tier, region, vertical or joinQuarter")
          @RequestParam(required = false)
          String by,
      @Parameter(description = "How many fund periods, 4 to 8", example = "4")
          @RequestParam(required = false)
          String periods,
      @ParameterObject InsightsQuery query) {
    InsightsFilter filter = query.filter();
    InsightsGrouping grouping =
        InsightsGrouping.parse(
            by,
            "by",
            InsightsGrouping.TIER,
            List.of(
                InsightsGrouping.TIER,
                InsightsGrouping.REGION,
                InsightsGrouping.VERTICAL,
                InsightsGrouping.JOIN_QUARTER));
    int count = 4;
    if (periods != null && !periods.isBlank()) {
      try {
        count = Integer.parseInt(periods.trim());
      } catch (NumberFormatException e) {
        count = -1;
      }
      if (count < 4 || count > 8) {
        throw InvalidRequestException.of("periods", "must be a whole number from 4 to 8");
      }
    }
    return insights.cohorts(user, filter, grouping, count);
  }

  @GetMapping("/api/insights/reconciliation")
  @Operation(
      operationId = "getInsightsReconciliation",
      summary = "Forecast against actual per partner",
      description =
          WHO
              + "Per partner and currency: the expected outcomes of the requests approved in the"
              + " period against the results measured by their verified claims, and who reviewed"
              + " the reconciliation when (latest first).")
  @ApiResponse(responseCode = "200", description = "The reconciliation")
  @ApiResponse(responseCode = "400", description = BAD_FILTER)
  @ApiResponse(responseCode = "404", description = NOT_VISIBLE)
  Reconciliation reconciliation(
      @AuthenticationPrincipal PartnerflowUser user, @ParameterObject InsightsQuery query) {
    return insights.reconciliation(user, query.filter());
  }

  @GetMapping(value = "/api/insights/reconciliation.csv", produces = "text/csv")
  @Operation(
      operationId = "exportInsightsReconciliationCsv",
      summary = "The reconciliation as CSV",
      description = WHO + "The rows of `GET /api/insights/reconciliation`, UTF-8, comma-separated.")
  @ApiResponse(responseCode = "200", description = "The file")
  @ApiResponse(responseCode = "400", description = BAD_FILTER)
  @ApiResponse(responseCode = "404", description = NOT_VISIBLE)
  ResponseEntity<byte[]> reconciliationCsv(
      @AuthenticationPrincipal PartnerflowUser user, @ParameterObject InsightsQuery query) {
    Reconciliation r = insights.reconciliation(user, query.filter());
    return file(
        ReconciliationExport.csv(r),
        new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8),
        "reconciliation-" + r.period() + ".csv");
  }

  @GetMapping(
      value = "/api/insights/reconciliation.xlsx",
      produces = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
  @Operation(
      operationId = "exportInsightsReconciliationXlsx",
      summary = "The reconciliation as an Excel workbook",
      description = WHO + "The rows of `GET /api/insights/reconciliation` as XLSX (Apache POI).")
  @ApiResponse(responseCode = "200", description = "The file")
  @ApiResponse(responseCode = "400", description = BAD_FILTER)
  @ApiResponse(responseCode = "404", description = NOT_VISIBLE)
  ResponseEntity<byte[]> reconciliationXlsx(
      @AuthenticationPrincipal PartnerflowUser user, @ParameterObject InsightsQuery query) {
    Reconciliation r = insights.reconciliation(user, query.filter());
    return file(ReconciliationExport.xlsx(r), XLSX, "reconciliation-" + r.period() + ".xlsx");
  }

  @PostMapping("/api/insights/reconciliation/reviews")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(
      operationId = "reviewInsightsReconciliation",
      summary = "Record that the reconciliation was reviewed",
      description =
          WHO
              + "Records the caller as reviewer of the period's reconciliation, now, with an"
              + " optional note; every review is kept.")
  @ApiResponse(responseCode = "201", description = "Recorded")
  @ApiResponse(responseCode = "400", description = "`period` malformed or `note` too long")
  @ApiResponse(responseCode = "404", description = NOT_VISIBLE)
  Review review(@AuthenticationPrincipal PartnerflowUser user, @RequestBody ReviewRequest body) {
    return insights.review(
        user, InsightsFilter.parse(body.period(), null, null, null, null), body.note());
  }

  private static ResponseEntity<byte[]> file(byte[] content, MediaType type, String name) {
    return ResponseEntity.ok()
        .contentType(type)
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment().filename(name).build().toString())
        .body(content);
  }
}
