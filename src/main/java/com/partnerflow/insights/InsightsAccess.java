package com.partnerflow.insights;

import com.partnerflow.common.NotFoundException;
import com.partnerflow.identity.PartnerflowUser;
import java.util.List;

/**
 * Who sees program-wide insights: the program's leadership groups and admins. Everyone else,
 * partner users first, gets 404 as if the page did not exist. A partner's scorecard is also seen by
 * the partner's own users ({@link #allowedFor}).
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

  /**
   * Whether the user may see one partner's scorecard: a partner user only their own partner's, the
   * groups above any partner's.
   */
  static boolean allowedFor(PartnerflowUser user, String partnerId) {
    if (user == null) {
      return false;
    }
    return user.isPartnerUser() ? user.partnerId().equals(partnerId) : allowed(user);
  }

  static void require(PartnerflowUser user) {
    if (!allowed(user)) {
      throw new NotFoundException("Program insights");
    }
  }
}
