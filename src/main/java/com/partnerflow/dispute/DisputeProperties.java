package com.partnerflow.dispute;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of dispute escalations.
 *
 * @param steeringCommitteeAddress where the second SLA breach of an escalated dispute is mailed
 */
@ConfigurationProperties("partnerflow.dispute")
public record DisputeProperties(
    @DefaultValue("steering-committee@partnerflow.example") String steeringCommitteeAddress) {}
