package com.partnerflow.dispute;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * The decision a dispute is about, as the subject's module describes it.
 *
 * @param decisionType what was decided: {@code MDF_REJECTED}, {@code MDF_REDUCED}, {@code
 *     CLAIM_REJECTED}, {@code CLAIM_PARTIAL} or {@code PAYMENT_LATE}; null while undecided
 * @param decidedAt when the window starts (the decision, or the moment a payment became late)
 * @param maxDisputable the most a dispute may ask for (what the decision withheld)
 * @param deciders who took part in the decision; they are excluded from the dispute's tasks
 */
record DisputeSubject(
    SubjectType type,
    String id,
    String partnerId,
    String mdfRequestId,
    String currency,
    String decisionType,
    Instant decidedAt,
    BigDecimal maxDisputable,
    List<String> deciders,
    String deciderGroup,
    Object details) {}
