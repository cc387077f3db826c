package com.partnerflow.dispute;

import java.math.BigDecimal;

/**
 * What a review decision means for the dispute: its outcome, the amount that changes hands, and the
 * effect on money ({@link DisputeProcess#NO_EFFECT}, {@link DisputeProcess#MDF_APPROVAL}, {@link
 * DisputeProcess#MDF_INCREASE} or {@link DisputeProcess#CORRECTIVE_PAYMENT}).
 */
record Resolution(DisputeOutcome outcome, BigDecimal amount, String effect) {

  static Resolution of(Dispute d, String decision, BigDecimal settledAmount) {
    DisputeOutcome outcome =
        switch (decision) {
          case DisputeProcess.UPHOLD -> DisputeOutcome.UPHELD;
          case DisputeProcess.OVERTURN -> DisputeOutcome.OVERTURNED;
          case DisputeProcess.SETTLE -> DisputeOutcome.SETTLED;
          default -> throw new IllegalStateException("No resolution: decision " + decision);
        };
    BigDecimal amount =
        switch (outcome) {
          case UPHELD -> null;
          case OVERTURNED -> d.getDisputedAmount();
          case SETTLED -> settledAmount;
        };
    String effect = DisputeProcess.NO_EFFECT;
    if (amount != null && amount.signum() > 0) {
      if ("MDF_REJECTED".equals(d.getDecisionType())) {
        effect = DisputeProcess.MDF_APPROVAL;
      } else if ("MDF_REDUCED".equals(d.getDecisionType())) {
        effect = DisputeProcess.MDF_INCREASE;
      } else if (d.getSubjectType() == SubjectType.CLAIM) {
        effect = DisputeProcess.CORRECTIVE_PAYMENT;
      }
    }
    return new Resolution(outcome, amount, effect);
  }
}
