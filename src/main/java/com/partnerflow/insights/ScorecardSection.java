package com.partnerflow.insights;

import com.partnerflow.identity.PartnerflowUser;
import com.partnerflow.partner.Partner;
import com.partnerflow.partner.PartnerPageSection;
import java.util.Optional;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** The partner page's link to its scorecard, for those who may see it. */
@Component
@Order(5)
class ScorecardSection implements PartnerPageSection {

  @Override
  public String template() {
    return "insights/partner-scorecard";
  }

  @Override
  public Optional<?> content(Partner partner, PartnerflowUser viewer) {
    return InsightsAccess.allowedFor(viewer, partner.getId())
        ? Optional.of(ScorecardPages.path(partner.getId()))
        : Optional.empty();
  }
}
