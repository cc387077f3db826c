package com.partnerflow.mdf;

import com.fasterxml.jackson.annotation.JsonIgnore;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * One entry of a request's decision history (the audit trail): who (the approval group, the partner
 * user, or {@code system}), what, at which approval level, why, the amount and when. {@code
 * stepKey} names the process step that wrote it, so a retried job does not write it twice.
 */
@Embeddable
public record MdfDecision(
    String actor,
    String action,
    @Column(name = "approval_level") String level,
    String reason,
    BigDecimal amount,
    @Column(name = "decided_at") Instant time,
    @JsonIgnore String stepKey) {}
