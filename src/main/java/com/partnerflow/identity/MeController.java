package com.partnerflow.identity;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/me}: who the caller is, for the UI and API clients. */
@RestController
@Tag(name = "Identity", description = "Who is signed in")
class MeController {

  record Me(
      @Schema(example = "alice") String username,
      @Schema(example = "Alice Anders") String displayName,
      @Schema(description = "Internal users' groups, e.g. `channel-managers`; empty for partners")
          List<String> groups,
      @Schema(description = "The partner of a partner user; `null` for internal users")
          String partnerId) {}

  @GetMapping("/api/me")
  @Operation(
      operationId = "getMe",
      summary = "Who the caller is",
      description =
          """
          **Who:** any signed-in user.

          Username, display name, groups and, for a partner user, the partner's id.""")
  Me me(@AuthenticationPrincipal PartnerflowUser user) {
    return new Me(
        user.username(),
        user.displayName(),
        user.groups().stream().sorted().toList(),
        user.partnerId());
  }
}
