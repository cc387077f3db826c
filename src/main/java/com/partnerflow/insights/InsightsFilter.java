package com.partnerflow.insights;

import com.partnerflow.common.FieldProblem;
import com.partnerflow.common.InvalidRequestException;
import com.partnerflow.fund.FundPeriod;
import com.partnerflow.mdf.ActivityType;
import com.partnerflow.partner.Region;
import com.partnerflow.partner.Tier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The dashboard's filters; each is optional and they combine with AND. A partner matches a vertical
 * when it names it among its verticals (a partner in two verticals counts in both).
 *
 * @param period the fund period ({@code 2026-Q4} or {@code 2026}); null for the current one
 * @param tier the partner's tier today
 * @param region the partner's sales region
 * @param vertical one of {@link #VERTICALS}
 * @param activityType the MDF request's activity type
 */
public record InsightsFilter(
    FundPeriod period, Tier tier, Region region, String vertical, ActivityType activityType) {

  /** The verticals a partner can name (the values of {@code forms/partner-application.form}). */
  public static final List<String> VERTICALS =
      List.of(
          "FINANCIAL_SERVICES",
          "HEALTHCARE",
          "MANUFACTURING",
          "PUBLIC_SECTOR",
          "RETAIL",
          "TECHNOLOGY",
          "EDUCATION");

  /**
   * Reads the query parameters; blank means "not filtered".
   *
   * @throws InvalidRequestException naming every parameter with an unknown or malformed value
   */
  public static InsightsFilter parse(
      String period, String tier, String region, String vertical, String activityType) {
    List<FieldProblem> problems = new ArrayList<>();
    FundPeriod parsedPeriod = null;
    if (!blank(period)) {
      try {
        parsedPeriod = FundPeriod.of(period.trim());
      } catch (IllegalArgumentException e) {
        problems.add(new FieldProblem("period", "must be a fund period such as 2026-Q4 or 2026"));
      }
    }
    String parsedVertical = null;
    if (!blank(vertical)) {
      parsedVertical = vertical.trim().toUpperCase(Locale.ROOT);
      if (!VERTICALS.contains(parsedVertical)) {
        problems.add(new FieldProblem("vertical", "must be one of " + VERTICALS));
      }
    }
    InsightsFilter filter =
        new InsightsFilter(
            parsedPeriod,
            constant(Tier.class, "tier", tier, problems),
            constant(Region.class, "region", region, problems),
            parsedVertical,
            constant(ActivityType.class, "activityType", activityType, problems));
    if (!problems.isEmpty()) {
      throw new InvalidRequestException(problems);
    }
    return filter;
  }

  /** The same filters for another fund period. */
  public InsightsFilter withPeriod(FundPeriod other) {
    return new InsightsFilter(other, tier, region, vertical, activityType);
  }

  private static <E extends Enum<E>> E constant(
      Class<E> type, String field, String value, List<FieldProblem> problems) {
    if (blank(value)) {
      return null;
    }
    try {
      return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      problems.add(
          new FieldProblem(field, "must be one of " + Arrays.toString(type.getEnumConstants())));
      return null;
    }
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }
}
