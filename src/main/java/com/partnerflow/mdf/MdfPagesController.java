package com.partnerflow.mdf;

import com.partnerflow.fund.FundLedger;
import com.partnerflow.identity.PartnerflowUser;
import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The MDF pages: a partner sees their requests with status, who holds each open one and when a
 * decision is due, and their balances; internal users see every request, filterable by status.
 */
@Controller
class MdfPagesController {

  private final MdfRequestService service;
  private final FundLedger funds;

  MdfPagesController(MdfRequestService service, FundLedger funds) {
    this.service = service;
    this.funds = funds;
  }

  @GetMapping("/mdf-requests")
  String requests(
      @RequestParam(required = false) MdfStatus status,
      @RequestParam(required = false) String partnerId,
      @AuthenticationPrincipal PartnerflowUser user,
      Model model) {
    model.addAttribute("requests", service.list(user, status, partnerId));
    model.addAttribute("statuses", MdfStatus.values());
    model.addAttribute("status", status);
    model.addAttribute(
        "balances", user.isPartnerUser() ? funds.balances(user.partnerId()) : List.of());
    return "mdf/requests";
  }
}
