package com.partnerflow.onboarding;

import com.partnerflow.common.InvalidRequestException;
import com.partnerflow.identity.UserAccounts;
import com.partnerflow.onboarding.OnboardingToken.Purpose;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** A new partner admin sets a first password through the single-use invitation link. */
@RestController
class InvitationController {

  private final ApplicantLinks links;
  private final UserAccounts accounts;
  private final TransactionTemplate transaction;

  InvitationController(
      ApplicantLinks links, UserAccounts accounts, TransactionTemplate transaction) {
    this.links = links;
    this.accounts = accounts;
    this.transaction = transaction;
  }

  @PostMapping("/api/partner-invitations/{token}/password")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void setPassword(@PathVariable String token, @RequestBody Map<String, Object> body) {
    OnboardingToken valid = links.valid(token, Purpose.SET_PASSWORD);
    Object password = body.get("password");
    if (!(password instanceof String text) || text.length() < 12 || text.length() > 128) {
      throw InvalidRequestException.of("password", "must be 12 to 128 characters");
    }
    transaction.executeWithoutResult(
        s -> {
          links.useUp(token);
          if (!accounts.changePassword(valid.getUsername(), text)) {
            throw new IllegalStateException("Invited user " + valid.getUsername() + " is missing");
          }
        });
  }
}
