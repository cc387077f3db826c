package com.partnerflow.partner;

import com.partnerflow.identity.PartnerflowUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/partners/{id}/bank-account}: where the partner is paid. */
@RestController
@Tag(name = "Partners", description = "The partner directory")
class BankAccountController {

  private final PartnerBankAccounts accounts;

  BankAccountController(PartnerBankAccounts accounts) {
    this.accounts = accounts;
  }

  @Operation(
      operationId = "getBankAccount",
      summary = "The partner's bank account",
      description =
          "**Who:** the partner's own users, finance and admins.\n\nWhere the partner's payments"
              + " go: an IBAN (and BIC) or an account number with a routing number.")
  @ApiResponse(responseCode = "200", description = "The bank account")
  @ApiResponse(responseCode = "403", description = "an internal user outside finance and admins")
  @ApiResponse(
      responseCode = "404",
      description = "unknown partner, another organisation's, or no bank account yet")
  @GetMapping("/api/partners/{id}/bank-account")
  BankAccount get(@PathVariable String id, @AuthenticationPrincipal PartnerflowUser user) {
    return accounts.read(id, user);
  }

  @Operation(
      operationId = "setBankAccount",
      summary = "Set the partner's bank account",
      description =
          "**Who:** only a partner admin of the partner.\n\nEither iban (with an optional bic) or"
              + " accountNumber with routingNumber and country; IBAN and BIC are checked. The"
              + " change is audited and confirmed by mail to the partner's other admins; payments"
              + " shortly after a change are held for finance.")
  @ApiResponse(responseCode = "200", description = "The bank account as stored")
  @ApiResponse(responseCode = "400", description = "invalid fields, each named with its reason")
  @ApiResponse(responseCode = "403", description = "not a partner admin of this partner")
  @ApiResponse(responseCode = "404", description = "unknown partner or another organisation's")
  @ApiResponse(responseCode = "409", description = "set by someone else at the same moment")
  @ApiResponse(responseCode = "503", description = "the confirmation mail could not be sent")
  @PutMapping("/api/partners/{id}/bank-account")
  BankAccount put(
      @PathVariable String id,
      @RequestBody BankAccountDetails details,
      @AuthenticationPrincipal PartnerflowUser user) {
    return accounts.change(id, details, user);
  }
}
