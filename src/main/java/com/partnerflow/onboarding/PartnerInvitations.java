package com.partnerflow.onboarding;

import com.partnerflow.common.InvalidRequestException;
import com.partnerflow.identity.UserAccounts;
import com.partnerflow.onboarding.OnboardingToken.Purpose;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/** A new partner admin sets the first password through the single-use invitation link. */
@Service
class PartnerInvitations {

  private final ApplicantLinks links;
  private final UserAccounts accounts;
  private final TransactionTemplate transaction;

  PartnerInvitations(ApplicantLinks links, UserAccounts accounts, TransactionTemplate transaction) {
    this.links = links;
    this.accounts = accounts;
    this.transaction = transaction;
  }

  /** The invited username, if the link is valid (else the link's 4xx exception). */
  String invitedUser(String token) {
    return links.valid(token, Purpose.SET_PASSWORD).getUsername();
  }

  /**
   * Sets the password and uses the link up, both or neither.
   *
   * @throws InvalidRequestException unless the password has 12 to 128 characters
   */
  void setPassword(String token, Object password) {
    String username = invitedUser(token);
    if (!(password instanceof String text) || text.length() < 12 || text.length() > 128) {
      throw InvalidRequestException.of("password", "must be 12 to 128 characters");
    }
    transaction.executeWithoutResult(
        s -> {
          links.useUp(token);
          if (!accounts.changePassword(username, text)) {
            throw new IllegalStateException("Invited user " + username + " is missing");
          }
        });
  }
}
