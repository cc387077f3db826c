package com.partnerflow.partner;

import com.partnerflow.identity.PartnerflowUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** The partner directory: internal users see every partner, a partner user only their own. */
@RestController
@Tag(name = "Partners", description = "The partner directory")
class PartnerController {

  private final PartnerVisibility visibility;

  PartnerController(PartnerVisibility visibility) {
    this.visibility = visibility;
  }

  record PartnerView(
      String id,
      @Schema(example = "Acme Corp") String name,
      @Schema(example = "ACTIVE") String status,
      @Schema(description = "`REGISTERED`, `SILVER`, `GOLD` or `PLATINUM`", example = "GOLD")
          String tier,
      @Schema(description = "`AMER`, `EMEA`, `APAC` or `LATAM`", example = "EMEA") String region,
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
  @Operation(
      operationId = "listPartners",
      summary = "List the partners the caller may see",
      description =
          """
          **Who:** internal users (every partner) and partner users (only their own).""")
  List<PartnerView> list(@AuthenticationPrincipal PartnerflowUser user) {
    return visibility.visibleTo(user).stream().map(PartnerView::of).toList();
  }

  @GetMapping("/api/partners/{id}")
  @Operation(
      operationId = "getPartner",
      summary = "Read a partner",
      description =
          """
          **Who:** internal users, and the partner's own users.""")
  @ApiResponse(responseCode = "200", description = "The partner")
  @ApiResponse(
      responseCode = "404",
      description = "No such partner, or another partner's (for a partner user)")
  PartnerView get(@PathVariable String id, @AuthenticationPrincipal PartnerflowUser user) {
    return PartnerView.of(visibility.get(id, user));
  }
}
