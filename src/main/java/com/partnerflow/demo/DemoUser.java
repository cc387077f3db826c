package com.partnerflow.demo;

import com.partnerflow.identity.PartnerflowUser;
import java.util.Set;

/** One demo login, as listed in the startup summary and the README. */
public record DemoUser(
    String username, String displayName, String partnerName, Set<String> groups) {

  public String describe() {
    if (partnerName == null) {
      return String.join(", ", groups);
    }
    return (groups.contains(PartnerflowUser.PARTNER_ADMINS)
            ? "partner admin of "
            : "partner user of ")
        + partnerName;
  }
}
