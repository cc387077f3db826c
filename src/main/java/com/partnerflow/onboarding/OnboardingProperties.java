package com.partnerflow.onboarding;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of partner onboarding ({@code partnerflow.onboarding.*}).
 *
 * @param deniedPartiesFile the denied-party list (CSV: name,domain,country,source); a {@code file:}
 *     location is re-read when it changes
 * @param publicBaseUrl where the service is reachable for people following a mailed link
 * @param partnerManagersEmail the team address that gets mail meant for the partner managers while
 *     the group {@code partner-managers} has no enabled member with an e-mail address
 * @param linkValidity how long a mailed single-use link works
 */
@ConfigurationProperties("partnerflow.onboarding")
record OnboardingProperties(
    @DefaultValue("classpath:onboarding/denied-parties.csv") String deniedPartiesFile,
    @DefaultValue("http://localhost:8080") String publicBaseUrl,
    @DefaultValue("partner-managers@partnerflow.example") String partnerManagersEmail,
    @DefaultValue("P31D") Duration linkValidity) {}
