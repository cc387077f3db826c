package com.partnerflow.insights;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.partnerflow.common.FieldProblem;
import com.partnerflow.common.InvalidRequestException;
import com.partnerflow.identity.PartnerflowUser;
import com.partnerflow.insights.InsightsViews.Dashboard;
import com.partnerflow.insights.InsightsViews.Reconciliation;
import com.partnerflow.mdf.ActivityType;
import com.partnerflow.partner.Region;
import com.partnerflow.partner.Tier;
import java.util.List;
import java.util.Map;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The page {@code /insights}: the dashboard's tables rendered here, its charts drawn in the browser
 * by Apache ECharts ({@code js/insights.js}) from the same figures, embedded in the page as JSON.
 */
@Controller
class InsightsPages {

  private final Insights insights;
  private final ObjectMapper json;

  InsightsPages(Insights insights, ObjectMapper json) {
    this.insights = insights;
    this.json = json;
  }

  @GetMapping("/insights")
  String dashboard(@AuthenticationPrincipal PartnerflowUser user, InsightsQuery query, Model model)
      throws JsonProcessingException {
    InsightsAccess.require(user);
    InsightsFilter filter;
    List<FieldProblem> problems = List.of();
    try {
      filter = query.filter();
    } catch (InvalidRequestException e) {
      problems = e.problems();
      filter = new InsightsFilter(null, null, null, null, null);
    }
    Insights.Page page = insights.page(user, filter);
    Dashboard dashboard = page.dashboard();
    Reconciliation reconciliation = page.reconciliation();
    model.addAttribute("problems", problems);
    model.addAttribute("filter", filter);
    model.addAttribute("d", dashboard);
    model.addAttribute("reconciliation", reconciliation);
    model.addAttribute(
        "periods",
        java.util.stream.Stream.concat(
                java.util.stream.Stream.of(dashboard.period()),
                insights.lastPeriods(Insights.HISTORY_PERIODS).reversed().stream().map(p -> p.id()))
            .distinct()
            .sorted(java.util.Comparator.reverseOrder())
            .toList());
    model.addAttribute("tiers", List.of(Tier.values()));
    model.addAttribute("regions", List.of(Region.values()));
    model.addAttribute("verticals", InsightsFilter.VERTICALS);
    model.addAttribute("activityTypes", List.of(ActivityType.values()));
    model.addAttribute("query", exportQuery(filter, dashboard.period()));
    model.addAttribute(
        "chartData",
        json.writeValueAsString(Map.of("dashboard", dashboard, "reconciliation", reconciliation)));
    return "insights/dashboard";
  }

  /** The page's review form: records the reviewer of the shown period's reconciliation. */
  @PostMapping("/insights/reconciliation/reviews")
  String review(
      @AuthenticationPrincipal PartnerflowUser user,
      @RequestParam(required = false) String period,
      @RequestParam(required = false) String note,
      RedirectAttributes redirect) {
    InsightsAccess.require(user);
    try {
      var review =
          insights.review(user, InsightsFilter.parse(period, null, null, null, null), note);
      redirect.addFlashAttribute(
          "flash", "Reconciliation of " + review.period() + " recorded as reviewed by you.");
      redirect.addAttribute("period", review.period());
    } catch (InvalidRequestException e) {
      redirect.addFlashAttribute(
          "flashError",
          e.problems().stream().map(p -> p.field() + " " + p.message()).toList().toString());
    }
    return "redirect:/insights#reconciliation";
  }

  private static String exportQuery(InsightsFilter f, String period) {
    StringBuilder q = new StringBuilder("?period=").append(period);
    if (f.tier() != null) {
      q.append("&tier=").append(f.tier());
    }
    if (f.region() != null) {
      q.append("&region=").append(f.region());
    }
    if (f.vertical() != null) {
      q.append("&vertical=").append(f.vertical());
    }
    if (f.activityType() != null) {
      q.append("&activityType=").append(f.activityType());
    }
    return q.toString();
  }
}
