package com.partnerflow.mdf;

import com.partnerflow.fund.FundLedger;
import com.partnerflow.identity.PartnerflowUser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

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

  /** The start form for partner users; internal users get the list instead. */
  @GetMapping("/mdf-requests/new")
  String newRequest(@AuthenticationPrincipal PartnerflowUser user) {
    return user.isPartnerUser() ? "mdf/new-request" : "redirect:/mdf-requests";
  }

  /** The start form's schema ({@code forms/mdf-request.form}) for form-js. */
  @GetMapping(value = "/api/mdf-requests/form", produces = MediaType.APPLICATION_JSON_VALUE)
  @ResponseBody
  String form() throws IOException {
    return new ClassPathResource("forms/mdf-request.form")
        .getContentAsString(StandardCharsets.UTF_8);
  }
}
