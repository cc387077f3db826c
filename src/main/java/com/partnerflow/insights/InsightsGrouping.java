package com.partnerflow.insights;

import com.partnerflow.common.InvalidRequestException;
import com.partnerflow.insights.InsightsQueries.Outcome;
import com.partnerflow.insights.InsightsQueries.PartnerFacts;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** What ROI and cohorts are grouped by ({@code groupBy}); keys are codes, labels are for pages. */
enum InsightsGrouping {
  ACTIVITY_TYPE("activityType"),
  PARTNER("partner"),
  TIER("tier"),
  REGION("region"),
  VERTICAL("vertical"),
  JOIN_QUARTER("joinQuarter");

  final String parameter;

  InsightsGrouping(String parameter) {
    this.parameter = parameter;
  }

  /**
   * The group by its parameter value; blank is {@code fallback}.
   *
   * @throws InvalidRequestException naming {@code field} for an unknown value
   */
  static InsightsGrouping parse(
      String value, String field, InsightsGrouping fallback, List<InsightsGrouping> allowed) {
    if (value == null || value.isBlank()) {
      return fallback;
    }
    return allowed.stream()
        .filter(
            g -> g.parameter.toLowerCase(Locale.ROOT).equals(value.trim().toLowerCase(Locale.ROOT)))
        .findFirst()
        .orElseThrow(
            () ->
                InvalidRequestException.of(
                    field, "must be one of " + allowed.stream().map(g -> g.parameter).toList()));
  }

  static List<InsightsGrouping> all() {
    return Arrays.asList(values());
  }

  /** The groups ({key, label}) an outcome counts in: a partner in two verticals counts in both. */
  List<String[]> keys(Outcome o, PartnerFacts partner) {
    return switch (this) {
      case ACTIVITY_TYPE -> List.<String[]>of(new String[] {o.activityType(), o.activityType()});
      case PARTNER ->
          List.<String[]>of(
              new String[] {o.partnerId(), partner == null ? o.partnerId() : partner.name()});
      default -> partnerKeys(partner);
    };
  }

  /** The groups of a grouping by a partner's facts (tier, region, vertical, join quarter). */
  List<String[]> partnerKeys(PartnerFacts partner) {
    return switch (this) {
      case TIER -> single(partner == null ? null : partner.tier());
      case REGION -> single(partner == null ? null : partner.region());
      case VERTICAL ->
          partner == null || partner.verticals().isEmpty()
              ? single(null)
              : partner.verticals().stream().map(v -> new String[] {v, v}).toList();
      case JOIN_QUARTER -> single(partner == null ? null : joinQuarter(partner));
      default -> throw new IllegalStateException(this + " is not a fact of the partner");
    };
  }

  static String joinQuarter(PartnerFacts partner) {
    var date = partner.joined().atZone(ZoneOffset.UTC).toLocalDate();
    return date.getYear() + "-Q" + ((date.getMonthValue() - 1) / 3 + 1);
  }

  private static List<String[]> single(String value) {
    String key = value == null ? "NONE" : value;
    return List.<String[]>of(new String[] {key, key});
  }
}
