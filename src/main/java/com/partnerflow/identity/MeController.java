package com.partnerflow.identity;

import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/me}: who the caller is, for the UI and API clients. */
@RestController
class MeController {

  record Me(String username, String displayName, List<String> groups, String partnerId) {}

  @GetMapping("/api/me")
  Me me(@AuthenticationPrincipal PartnerflowUser user) {
    return new Me(
        user.username(),
        user.displayName(),
        user.groups().stream().sorted().toList(),
        user.partnerId());
  }
}
