package com.partnerflow.insights;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.partnerflow.common.FieldProblem;
import com.partnerflow.common.InvalidRequestException;
import com.partnerflow.common.NotFoundException;
import com.partnerflow.fund.FundPeriod;
import com.partnerflow.identity.PartnerflowUser;
import com.partnerflow.insights.ScorecardViews.Scorecard;
import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriUtils;

/**
 * The scorecard page {@code /partners/{id}/scorecard}: tables rendered here, charts drawn by
 * ECharts ({@code js/scorecard.js}) from the same figures embedded as JSON. {@code /scorecard}
 * takes a partner user to their own.
 */
@Controller
class ScorecardPages {

  private final Scorecards scorecards;
  private final Insights insights;
  private final ObjectMapper json;

  ScorecardPages(Scorecards scorecards, Insights insights, ObjectMapper json) {
    this.scorecards = scorecards;
    this.insights = insights;
    this.json = json;
  }

  @GetMapping("/scorecard")
  String mine(@AuthenticationPrincipal PartnerflowUser user) {
    if (user.isPartnerUser()) {
      return "redirect:" + path(user.partnerId());
    }
    if (InsightsAccess.allowed(user)) {
      return "redirect:/partners";
    }
    throw new NotFoundException("Scorecard");
  }

  @GetMapping("/partners/{id}/scorecard")
  String scorecard(
      @AuthenticationPrincipal PartnerflowUser user,
      @PathVariable String id,
      @RequestParam(required = false) String period,
      Model model)
      throws JsonProcessingException {
    scorecards.visiblePartner(user, id);
    FundPeriod chosen = null;
    List<FieldProblem> problems = List.of();
    try {
      chosen = InsightsFilter.parse(period, null, null, null, null).period();
    } catch (InvalidRequestException e) {
      problems = e.problems();
    }
    Scorecard card = scorecards.of(user, id, chosen);
    model.addAttribute("problems", problems);
    model.addAttribute("s", card);
    model.addAttribute("path", path(id));
    model.addAttribute(
        "periods",
        java.util.stream.Stream.concat(
                java.util.stream.Stream.of(card.period()),
                insights.lastPeriods(Insights.HISTORY_PERIODS).stream().map(FundPeriod::id))
            .distinct()
            .sorted(java.util.Comparator.reverseOrder())
            .toList());
    model.addAttribute("chartData", json.writeValueAsString(card));
    return "insights/scorecard";
  }

  static String path(String partnerId) {
    return "/partners/" + UriUtils.encodePathSegment(partnerId, "UTF-8") + "/scorecard";
  }
}
