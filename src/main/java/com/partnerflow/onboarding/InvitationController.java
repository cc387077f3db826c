package com.partnerflow.onboarding;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** API: a new partner admin sets a first password through the single-use invitation link. */
@RestController
class InvitationController {

  private final PartnerInvitations invitations;

  InvitationController(PartnerInvitations invitations) {
    this.invitations = invitations;
  }

  @PostMapping("/api/partner-invitations/{token}/password")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void setPassword(@PathVariable String token, @RequestBody NewPassword body) {
    invitations.setPassword(token, body.password());
  }

  /** The body: only the password; anything else is refused with 400 (common.StrictJsonBodies). */
  record NewPassword(String password) {}
}
