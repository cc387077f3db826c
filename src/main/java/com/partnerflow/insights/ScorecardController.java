package com.partnerflow.insights;

import com.partnerflow.identity.PartnerflowUser;
import com.partnerflow.insights.ScorecardViews.Scorecard;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/partners/{id}/scorecard}: in the partner's URL space, served by insights, which
 * depends on the partner module and not the other way round.
 */
@RestController
@Tag(name = "Partner scorecard", description = "A partner's figures beside its tier's average")
class ScorecardController {

  private final Scorecards scorecards;

  ScorecardController(Scorecards scorecards) {
    this.scorecards = scorecards;
  }

  @GetMapping("/api/partners/{id}/scorecard")
  @Operation(
      operationId = "getPartnerScorecard",
      summary = "A partner's scorecard",
      description =
          "**Who:** the partner's own users; partner-managers, channel-managers,"
              + " marketing-directors, finance, executive-sponsors and admins for any partner."
              + " Everyone else gets `404`, partner users asking for another partner included.\n\n"
              + "For one fund period (the current one without `period`), per currency: the"
              + " partner's utilisation (allocated, reserved, paid, released, lapsed, utilisation)"
              + " and results (requests, leads, opportunities, pipeline, cost per lead, pipeline per"
              + " unit paid, expected against actual), and its time to decision and to cash (p50,"
              + " p90). Beside each, the anonymised average of the *other* partners of its tier"
              + " with a budget in the period: sums divided by their number, rates of the pooled"
              + " sums, percentiles over their pooled cases. With fewer than 3 such partners the"
              + " average is withheld (`tierAverageWithheld`). No other partner is named.")
  @ApiResponse(responseCode = "200", description = "The scorecard")
  @ApiResponse(responseCode = "400", description = "`period` in the wrong format")
  @ApiResponse(
      responseCode = "404",
      description = "An unknown partner, or one the caller may not see")
  Scorecard scorecard(
      @AuthenticationPrincipal PartnerflowUser user,
      @PathVariable String id,
      @Parameter(description = "Fund period, e.g. `2026-Q4` or `2026`; the current one when absent")
          @RequestParam(required = false)
          String period) {
    scorecards.visiblePartner(user, id); // 404 before a 400: nothing about others' partners
    return scorecards.of(user, id, InsightsFilter.parse(period, null, null, null, null).period());
  }
}
