package com.partnerflow.mdf;

import com.partnerflow.mdf.MdfDisbursements.MilestoneShare;
import com.partnerflow.mdf.MilestoneClaims.MilestoneClaim;
import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A request's milestones with their shares, claims and payments, for its page and API. */
@Service
class MilestoneOverview {

  /** Only these statuses can have claims: the others are answered without a lookup. */
  private static final Set<MdfStatus> DISBURSING =
      EnumSet.of(MdfStatus.IN_DISBURSEMENT, MdfStatus.CLOSED);

  private final MdfDisbursements disbursements;
  private final MilestoneClaims claims;

  MilestoneOverview(MdfDisbursements disbursements, MilestoneClaims claims) {
    this.disbursements = disbursements;
    this.claims = claims;
  }

  @Transactional(readOnly = true)
  List<MilestoneView> of(MdfRequest request) {
    Map<String, BigDecimal> shares =
        request.getApprovedAmount() == null
            ? Map.of()
            : disbursements.request(request.getId()).milestones().stream()
                .collect(Collectors.toMap(MilestoneShare::id, MilestoneShare::amount));
    Map<String, MilestoneClaim> claimed =
        DISBURSING.contains(request.getStatus()) ? claims.byMilestone(request.getId()) : Map.of();
    return request.getMilestones().stream()
        .map(m -> MilestoneView.of(m, shares.get(m.id()), claimed.get(m.id())))
        .toList();
  }
}
