package com.partnerflow.disbursement;

import com.partnerflow.mdf.MilestoneStatus;

/**
 * How a milestone ends without payment; each releases the milestone's whole share. Set by the
 * diagram on the element ({@code settlement} input).
 */
enum Settlement {
  LAPSED(ClaimStatus.LAPSED, MilestoneStatus.LAPSED, "milestone-lapsed"),
  BLOCKED(ClaimStatus.BLOCKED, MilestoneStatus.REJECTED, "claim-rejected"),
  REJECTED(ClaimStatus.REJECTED, MilestoneStatus.REJECTED, "claim-rejected"),
  CANCELLED(ClaimStatus.REJECTED, MilestoneStatus.REJECTED, "claim-rejected");

  final ClaimStatus claimStatus;
  final MilestoneStatus milestoneStatus;
  final String mailTemplate;

  Settlement(ClaimStatus claimStatus, MilestoneStatus milestoneStatus, String mailTemplate) {
    this.claimStatus = claimStatus;
    this.milestoneStatus = milestoneStatus;
    this.mailTemplate = mailTemplate;
  }
}
