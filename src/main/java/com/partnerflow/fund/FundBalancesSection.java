package com.partnerflow.fund;

import com.partnerflow.identity.PartnerflowUser;
import com.partnerflow.partner.Partner;
import com.partnerflow.partner.PartnerPageSection;
import java.util.Optional;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** The partner page's fund balances, per fund period and currency. */
@Component
@Order(10)
class FundBalancesSection implements PartnerPageSection {

  private final FundLedger ledger;

  FundBalancesSection(FundLedger ledger) {
    this.ledger = ledger;
  }

  @Override
  public String template() {
    return "fund/partner-funds";
  }

  @Override
  public Optional<?> content(Partner partner, PartnerflowUser viewer) {
    return Optional.of(ledger.balances(partner.getId()));
  }
}
