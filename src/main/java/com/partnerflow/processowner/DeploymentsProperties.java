package com.partnerflow.processowner;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of deployments from the app ({@code POST /api/deployments}).
 *
 * @param externalJobTypes job types that another system works, so a diagram may use them although
 *     this service has no worker for them
 * @param knownGroups candidate groups that exist although no user belongs to them yet (the groups
 *     of the users always count)
 * @param maxFileSize the largest file a deployment takes; the whole request is capped by {@code
 *     spring.servlet.multipart.max-request-size}
 */
@ConfigurationProperties("partnerflow.deployments")
public record DeploymentsProperties(
    @DefaultValue({}) List<String> externalJobTypes,
    @DefaultValue({}) List<String> knownGroups,
    @DefaultValue("512KB") DataSize maxFileSize) {}
