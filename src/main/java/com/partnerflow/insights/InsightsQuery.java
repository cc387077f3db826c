package com.partnerflow.insights;

import io.swagger.v3.oas.annotations.Parameter;

/**
 * The filter query parameters every insights endpoint and the page take, as given; {@link
 * #filter()} checks them.
 */
record InsightsQuery(
    @Parameter(description = "Fund period, e.g. `2026-Q4` or `2026`; the current one when absent")
        String period,
    @Parameter(description = "Partner tier", example = "GOLD") String tier,
    @Parameter(description = "Partner sales region", example = "EMEA") String region,
    @Parameter(description = "Partner vertical", example = "HEALTHCARE") String vertical,
    @Parameter(description = "Activity type of the MDF request", example = "WEBINAR")
        String activityType) {

  /**
   * @throws com.partnerflow.common.InvalidRequestException naming each bad parameter
   */
  InsightsFilter filter() {
    return InsightsFilter.parse(period, tier, region, vertical, activityType);
  }
}
