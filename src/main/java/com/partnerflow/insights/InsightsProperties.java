package com.partnerflow.insights;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param programHealthAddress where program-health mails each new threshold breach (the
 *     partner-managers' list)
 */
@ConfigurationProperties("partnerflow.insights")
public record InsightsProperties(
    @DefaultValue("partner-managers@partnerflow.example") String programHealthAddress) {}
