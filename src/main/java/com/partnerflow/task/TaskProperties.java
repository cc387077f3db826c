package com.partnerflow.task;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the task inbox.
 *
 * @param jobTimeout lease on a user task job; renewed by every liveness check, re-activation after
 *     it expires is an idempotent update
 * @param livenessInterval how often open tasks are checked against the engine, so interrupted or
 *     cancelled tasks leave the inbox
 * @param livenessBatch how many tasks one check covers at most
 * @param maxVariablesChars the largest variables document kept for a task's form data
 * @param canceledJobsInterval embedded mode: how often the engine's records are read for user task
 *     jobs it cancelled, which leave the inbox at once instead of at their next liveness check
 * @param projectionLease lease on a user task job until its task is in the inbox, then {@code
 *     jobTimeout}: a job handed to an instance that dies before its row is committed comes back
 *     this soon (instead of after {@code jobTimeout}) and is put into the inbox by another
 * @param completingLease how long a completion may take before the liveness sweep settles it as
 *     interrupted (the instance completing it died): the task opens again if the engine still has
 *     it, and leaves the inbox if not. Far longer than a completion with all its retries takes
 */
@ConfigurationProperties("partnerflow.task")
public record TaskProperties(
    @DefaultValue("PT1H") Duration jobTimeout,
    @DefaultValue("PT20S") Duration livenessInterval,
    @DefaultValue("500") int livenessBatch,
    @DefaultValue("1000000") int maxVariablesChars,
    @DefaultValue("PT1S") Duration canceledJobsInterval,
    @DefaultValue("PT30S") Duration projectionLease,
    @DefaultValue("PT5M") Duration completingLease) {}
