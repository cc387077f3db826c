package com.partnerflow.mdf;

import com.partnerflow.identity.AppUser;
import com.partnerflow.identity.Users;
import com.partnerflow.notification.Notification;
import com.partnerflow.notification.Notifications;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * Mail of the MDF process, each exactly once per process step and recipient. A failure of SMTP
 * propagates, so the job is retried.
 */
@Service
class MdfMail {

  private final Notifications notifications;
  private final Users users;

  MdfMail(Notifications notifications, Users users) {
    this.notifications = notifications;
    this.users = users;
  }

  /** Tells every user of the partner that the request was rejected and why. */
  void rejected(MdfRequest request, List<String> reasons, long processInstanceKey, String element) {
    for (String email : partnerEmails(request.getPartnerId())) {
      notifications.send(
          new Notification(
              Notification.keyFor(processInstanceKey, element, email),
              email,
              "mdf-request-rejected",
              Map.of("title", request.getTitle(), "id", request.getId(), "reasons", reasons)));
    }
  }

  /** Reminds every member of the approval group that a decision is due. */
  int reminder(MdfRequest request, String group, long processInstanceKey, String element) {
    List<String> emails =
        users.findAll().stream()
            .filter(u -> u.isEnabled() && u.getEmail() != null && u.getGroups().contains(group))
            .map(AppUser::getEmail)
            .toList();
    for (String email : emails) {
      notifications.send(
          new Notification(
              Notification.keyFor(processInstanceKey, element, email),
              email,
              "mdf-review-reminder",
              Map.of(
                  "title", request.getTitle(),
                  "id", request.getId(),
                  "group", group,
                  "due", String.valueOf(request.getDecisionDueAt()))));
    }
    return emails.size();
  }

  private List<String> partnerEmails(String partnerId) {
    return users.findAll().stream()
        .filter(u -> u.isEnabled() && partnerId.equals(u.getPartnerId()) && u.getEmail() != null)
        .map(AppUser::getEmail)
        .toList();
  }
}
