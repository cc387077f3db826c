package com.partnerflow.identity;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param bootstrapAdminPassword when set and no user {@code admin} exists, creates it with this
 *     password (at least 12 characters); the way into a fresh cluster installation
 */
@ConfigurationProperties("partnerflow.identity")
public record IdentityProperties(String bootstrapAdminPassword) {}
