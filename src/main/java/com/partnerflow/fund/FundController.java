package com.partnerflow.fund;

import com.partnerflow.common.NotFoundException;
import com.partnerflow.identity.PartnerflowUser;
import com.partnerflow.partner.Partners;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
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
@Tag(name = "Funds", description = "Partners' MDF budgets per fund period")
class FundController {

  private final FundLedger ledger;
  private final Partners partners;

  FundController(FundLedger ledger, Partners partners) {
    this.ledger = ledger;
    this.partners = partners;
  }

  @GetMapping("/api/partners/{id}/funds")
  @Operation(
      operationId = "getPartnerFunds",
      summary = "Read a partner's fund balances",
      description =
          """
          **Who:** internal users, and the partner's own users.

          One entry per fund period and currency: `available = allocated − reserved − paid`, \
          never negative, two decimals.""")
  @ApiResponse(
      responseCode = "200",
      description = "The balances",
      content =
          @Content(
              array = @ArraySchema(schema = @Schema(implementation = FundBalance.class)),
              examples =
                  @ExampleObject(
                      name = "acme",
                      summary = "Demo partner Acme Corp",
                      value =
                          "[{\"period\":\"2026-Q4\",\"currency\":\"EUR\","
                              + "\"allocated\":250000.00,\"reserved\":5000.50,\"paid\":0.00,"
                              + "\"available\":244999.50}]")))
  @ApiResponse(
      responseCode = "404",
      description = "No such partner, or another partner's (for a partner user)")
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
