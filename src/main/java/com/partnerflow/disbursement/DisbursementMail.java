package com.partnerflow.disbursement;

import com.partnerflow.identity.AppUser;
import com.partnerflow.identity.Users;
import com.partnerflow.notification.Notification;
import com.partnerflow.notification.Notifications;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * Mail of the disbursement process, each exactly once per process step and recipient (the key is
 * process instance + element + recipient, with a suffix where one element mails more than once). A
 * failure of SMTP propagates, so the job is retried.
 */
@Service
class DisbursementMail {

  private final Notifications notifications;
  private final Users users;

  DisbursementMail(Notifications notifications, Users users) {
    this.notifications = notifications;
    this.users = users;
  }

  /** Mails every enabled user of the partner. */
  void toPartner(
      String partnerId,
      String template,
      Map<String, Object> model,
      DisbursementJob job,
      String step) {
    send(partnerEmails(partnerId), template, model, job, step);
  }

  /** Mails every enabled member of the group; returns how many. */
  int toGroup(
      String group, String template, Map<String, Object> model, DisbursementJob job, String step) {
    List<String> emails =
        users.findAll().stream()
            .filter(u -> u.isEnabled() && u.getEmail() != null && u.getGroups().contains(group))
            .map(AppUser::getEmail)
            .toList();
    send(emails, template, model, job, step);
    return emails.size();
  }

  private void send(
      List<String> emails,
      String template,
      Map<String, Object> model,
      DisbursementJob job,
      String step) {
    for (String email : emails) {
      notifications.send(
          new Notification(
              Notification.keyFor(job.processInstanceKey(), job.elementId() + step, email),
              email,
              template,
              new HashMap<>(model)));
    }
  }

  private List<String> partnerEmails(String partnerId) {
    return users.findAll().stream()
        .filter(u -> u.isEnabled() && partnerId.equals(u.getPartnerId()) && u.getEmail() != null)
        .map(AppUser::getEmail)
        .toList();
  }
}
