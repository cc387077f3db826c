package com.partnerflow.mdf;

import com.partnerflow.common.FieldProblem;
import com.partnerflow.common.InvalidRequestException;
import com.partnerflow.partner.Region;
import com.partnerflow.partner.Tier;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The filters of the MDF request list ({@code GET /api/mdf-requests} and the page {@code
 * /mdf-requests}); every one is optional and they combine with AND.
 *
 * @param status the request's status
 * @param partnerId the requesting partner (a partner user only ever sees their own)
 * @param tier the requesting partner's current tier
 * @param region the requesting partner's sales region (not the activity's target region)
 * @param minAgeDays only requests submitted at least this many days (of 24 hours) ago
 */
public record MdfRequestFilter(
    MdfStatus status, String partnerId, Tier tier, Region region, Integer minAgeDays) {

  public static final MdfRequestFilter NONE = new MdfRequestFilter(null, null, null, null, null);

  /**
   * Reads the query parameters as given; blank means "not filtered".
   *
   * @throws InvalidRequestException naming every parameter with an unknown or malformed value
   */
  public static MdfRequestFilter parse(
      String status, String partnerId, String tier, String region, String minAgeDays) {
    List<FieldProblem> problems = new ArrayList<>();
    MdfStatus parsedStatus = constant(MdfStatus.class, "status", status, problems);
    Tier parsedTier = constant(Tier.class, "tier", tier, problems);
    Region parsedRegion = constant(Region.class, "region", region, problems);
    Integer age = null;
    if (!blank(minAgeDays)) {
      try {
        age = Integer.valueOf(minAgeDays.trim());
      } catch (NumberFormatException e) {
        age = -1;
      }
      if (age < 0) {
        problems.add(new FieldProblem("minAgeDays", "must be a whole number of days, 0 or more"));
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidRequestException(problems);
    }
    return new MdfRequestFilter(
        parsedStatus, blank(partnerId) ? null : partnerId.trim(), parsedTier, parsedRegion, age);
  }

  /** The latest submission time a request may have, or null when age is not filtered. */
  Instant submittedAtOrBefore(Instant now) {
    return minAgeDays == null ? null : now.minus(minAgeDays, ChronoUnit.DAYS);
  }

  private static <E extends Enum<E>> E constant(
      Class<E> type, String parameter, String value, List<FieldProblem> problems) {
    if (blank(value)) {
      return null;
    }
    try {
      return Enum.valueOf(type, value.trim());
    } catch (IllegalArgumentException e) {
      problems.add(
          new FieldProblem(
              parameter, "must be one of " + Arrays.toString(type.getEnumConstants())));
      return null;
    }
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }
}
