package com.partnerflow.insights;

import com.partnerflow.common.NotFoundException;
import com.partnerflow.identity.PartnerflowUser;
import java.util.List;

/**
 * Who sees program-wide insights: the program's leadership groups and admins. Everyone else,
 * partner users first, gets 404 as if the page did not exist.
 */
final class InsightsAccess {

  static final List<String> GROUPS =
      List.of(
          "partner-managers",
          "channel-managers",
          "marketing-directors",
          "finance",
          "executive-sponsors",
          PartnerflowUser.ADMINS);

  private InsightsAccess() {}

  static boolean allowed(PartnerflowUser user) {
    return user != null && !user.isPartnerUser() && GROUPS.stream().anyMatch(user::inGroup);
  }

  static void require(PartnerflowUser user) {
    if (!allowed(user)) {
      throw new NotFoundException("Program insights");
    }
  }
}
