package com.partnerflow.processowner.internal;

import java.time.Instant;

/** A definition version that a process owner deployed through the service. */
public record DeployedVersion(
    String kind,
    String definitionId,
    int version,
    long definitionKey,
    String resourceName,
    Instant deployedAt,
    String deployedBy) {}
