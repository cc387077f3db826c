package com.partnerflow.partner;

import com.partnerflow.identity.AppUser;
import com.partnerflow.identity.PartnerflowUser;
import com.partnerflow.identity.Users;
import com.partnerflow.partner.PartnerController.PartnerView;
import java.util.List;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.util.UriUtils;

/**
 * The partner pages: internal users see the list of partners, a partner user goes straight to their
 * own; the partner page shows the partner, its users and the sections other modules contribute
 * ({@link PartnerPageSection}). Another organisation's partner is the 404 page.
 */
@Controller
class PartnerPages {

  private final PartnerVisibility visibility;
  private final Users users;
  private final ObjectProvider<PartnerPageSection> sections;

  PartnerPages(
      PartnerVisibility visibility, Users users, ObjectProvider<PartnerPageSection> sections) {
    this.visibility = visibility;
    this.users = users;
    this.sections = sections;
  }

  /** A user of the partner as the page lists them; no password hash reaches the view. */
  record PartnerUser(String username, String displayName, String email, Set<String> groups) {
    static PartnerUser of(AppUser u) {
      return new PartnerUser(u.getUsername(), u.getDisplayName(), u.getEmail(), u.getGroups());
    }
  }

  /** One contributed section with what it shows. */
  record Section(String template, Object content) {}

  @GetMapping("/partners")
  String partners(@AuthenticationPrincipal PartnerflowUser user, Model model) {
    if (user.isPartnerUser()) {
      return "redirect:/partners/" + UriUtils.encodePathSegment(user.partnerId(), "UTF-8");
    }
    model.addAttribute(
        "partners", visibility.visibleTo(user).stream().map(PartnerView::of).toList());
    return "partner/partners";
  }

  @GetMapping("/partners/{id}")
  String partner(
      @PathVariable String id, @AuthenticationPrincipal PartnerflowUser user, Model model) {
    Partner partner = visibility.get(id, user);
    model.addAttribute("partner", PartnerView.of(partner));
    model.addAttribute(
        "users",
        users.findByPartnerIdOrderByUsername(partner.getId()).stream()
            .map(PartnerUser::of)
            .toList());
    List<Section> shown =
        sections
            .orderedStream()
            .flatMap(s -> s.content(partner, user).map(c -> new Section(s.template(), c)).stream())
            .toList();
    model.addAttribute("sections", shown);
    return "partner/partner";
  }
}
