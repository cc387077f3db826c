package com.partnerflow.onboarding;

import com.partnerflow.identity.AppUser;
import com.partnerflow.identity.Users;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Who gets an onboarding mail, by the task header {@code to}: {@code applicant} (the default) is
 * the application's contact; {@code partner-managers} is every enabled member of that group with an
 * e-mail address, or the configured team address while the group has nobody to reach, so a reminder
 * is never lost.
 */
@Component
class MailRecipients {

  static final String APPLICANT = "applicant";

  private final Users users;
  private final OnboardingProperties properties;

  MailRecipients(Users users, OnboardingProperties properties) {
    this.users = users;
    this.properties = properties;
  }

  /** Whether the header {@code to} names the applicant (it does when it is missing). */
  static boolean isApplicant(String to) {
    return to == null || APPLICANT.equals(to);
  }

  List<String> of(String to, Map<String, Object> variables) {
    if (isApplicant(to)) {
      return List.of((String) variables.get("contactEmail"));
    }
    if (ApplicationController.PARTNER_MANAGERS.equals(to)) {
      List<String> members =
          users.findReachableMembersOf(to).stream().map(AppUser::getEmail).distinct().toList();
      return members.isEmpty() ? List.of(properties.partnerManagersEmail()) : members;
    }
    // A typo in the diagram must not mail the applicant what was meant for the team.
    throw new IllegalStateException("Unknown mail recipient '" + to + "' in the task header 'to'");
  }
}
