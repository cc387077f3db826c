package com.partnerflow.partner;

import com.partnerflow.identity.PartnerflowUser;
import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** The partner directory: internal users see every partner, a partner user only their own. */
@RestController
class PartnerController {

  private final PartnerVisibility visibility;

  PartnerController(PartnerVisibility visibility) {
    this.visibility = visibility;
  }

  record PartnerView(
      String id,
      String name,
      String status,
      String tier,
      String region,
      String partnerType,
      String country,
      List<String> verticals) {
    static PartnerView of(Partner p) {
      return new PartnerView(
          p.getId(),
          p.getName(),
          p.getStatus().name(),
          p.getTier().name(),
          p.getRegion().name(),
          p.getPartnerType(),
          p.getCountry(),
          p.getVerticals() == null || p.getVerticals().isBlank()
              ? List.of()
              : List.of(p.getVerticals().split(",")));
    }
  }

  @GetMapping("/api/partners")
  List<PartnerView> list(@AuthenticationPrincipal PartnerflowUser user) {
    return visibility.visibleTo(user).stream().map(PartnerView::of).toList();
  }

  @GetMapping("/api/partners/{id}")
  PartnerView get(@PathVariable String id, @AuthenticationPrincipal PartnerflowUser user) {
    return PartnerView.of(visibility.get(id, user));
  }
}
