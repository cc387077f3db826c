package com.partnerflow.fund;

import com.partnerflow.common.NotFoundException;
import com.partnerflow.identity.PartnerflowUser;
import com.partnerflow.partner.Partners;
import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/partners/{id}/funds}: a partner's budgets. Internal users see any partner, a
 * partner user only their own (another partner's is a 404, like an unknown one).
 */
@RestController
class FundController {

  private final FundLedger ledger;
  private final Partners partners;

  FundController(FundLedger ledger, Partners partners) {
    this.ledger = ledger;
    this.partners = partners;
  }

  @GetMapping("/api/partners/{id}/funds")
  List<FundBalance> funds(@PathVariable String id, @AuthenticationPrincipal PartnerflowUser user) {
    if (user.isPartnerUser() && !user.partnerId().equals(id)) {
      throw new NotFoundException("Partner " + id);
    }
    if (!partners.existsById(id)) {
      throw new NotFoundException("Partner " + id);
    }
    return ledger.balances(id);
  }
}
