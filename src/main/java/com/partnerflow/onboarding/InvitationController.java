package com.partnerflow.onboarding;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** API: a new partner admin sets a first password through the single-use invitation link. */
@RestController
@Tag(name = "Partner invitations", description = "A new partner admin's first password")
class InvitationController {

  private final PartnerInvitations invitations;

  InvitationController(PartnerInvitations invitations) {
    this.invitations = invitations;
  }

  @PostMapping("/api/partner-invitations/{token}/password")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  @Operation(
      operationId = "setInvitationPassword",
      summary = "Set a new partner admin's first password",
      description =
          """
          **Who:** anyone holding the mailed invitation link (public: the token stands in for \
          an account).

          Sets the password and uses the link up, both or neither.""")
  @ApiResponse(responseCode = "204", description = "The password is set; sign in with it")
  @ApiResponse(
      responseCode = "400",
      description = "`password` is not 12 to 128 characters, or the body has other properties")
  @ApiResponse(responseCode = "404", description = "The link is not valid")
  @ApiResponse(responseCode = "409", description = "The link was used already")
  @ApiResponse(responseCode = "410", description = "The link has expired")
  void setPassword(
      @Parameter(description = "The token of the mailed link") @PathVariable String token,
      @RequestBody NewPassword body) {
    invitations.setPassword(token, body.password());
  }

  /** The body: only the password; anything else is refused with 400 (common.StrictJsonBodies). */
  record NewPassword(@Schema(description = "12 to 128 characters") String password) {}
}
