package com.partnerflow.disbursement;

import com.partnerflow.mdf.MilestoneClaims;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The claims of a request's milestones with their confirmed payments, for its page and API. */
@Service
class ClaimProgress implements MilestoneClaims {

  private final Claims claims;
  private final Payments payments;

  ClaimProgress(Claims claims, Payments payments) {
    this.claims = claims;
    this.payments = payments;
  }

  @Override
  @Transactional(readOnly = true)
  public Map<String, MilestoneClaim> byMilestone(String requestId) {
    List<Payment> all = payments.findByMdfRequestIdOrderByCreatedAtAsc(requestId);
    List<Payment> confirmed =
        all.stream().filter(p -> p.getStatus() == PaymentStatus.CONFIRMED).toList();
    Map<String, MilestoneClaim> byMilestone = new HashMap<>();
    for (Claim claim : claims.findByMdfRequestId(requestId)) {
      BigDecimal paid =
          confirmed.stream()
              .filter(p -> p.getClaimId().equals(claim.getId()))
              .map(Payment::getAmount)
              .reduce(BigDecimal.ZERO, BigDecimal::add);
      Payment latest =
          all.stream()
              .filter(p -> p.getClaimId().equals(claim.getId()))
              .reduce((first, second) -> second)
              .orElse(null);
      boolean awaitingVerification = claim.getStatus() == ClaimStatus.SUBMITTED;
      byMilestone.put(
          claim.getMilestoneId(),
          new MilestoneClaim(
              claim.getId(),
              claim.getStatus().name(),
              claim.getClaimedAmount(),
              claim.getApprovedAmount(),
              paid,
              awaitingVerification ? claim.getVerificationDueAt() : null,
              latest == null ? null : latest.getId(),
              latest == null ? null : latest.getStatus().name()));
    }
    return byMilestone;
  }
}
