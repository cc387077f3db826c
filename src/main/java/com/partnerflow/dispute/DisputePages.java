package com.partnerflow.dispute;

import com.partnerflow.identity.PartnerflowUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * {@code /disputes}: partners follow their disputes (status, who holds them until when, outcome and
 * reason); internal users see every dispute and the numbers for governance.
 */
@Controller
class DisputePages {

  private final DisputeService service;
  private final DisputeStats stats;

  DisputePages(DisputeService service, DisputeStats stats) {
    this.service = service;
    this.stats = stats;
  }

  @GetMapping("/disputes")
  String disputes(@AuthenticationPrincipal PartnerflowUser user, Model model) {
    model.addAttribute(
        "disputes",
        service.list(user).stream()
            .map(d -> DisputeView.of(d, null, user.isPartnerUser()))
            .toList());
    if (!user.isPartnerUser()) {
      model.addAttribute("stats", stats.stats(user));
    }
    return "dispute/disputes";
  }
}
