package com.partnerflow.dispute;

import com.partnerflow.identity.AppUser;
import com.partnerflow.identity.Users;
import com.partnerflow.notification.Notification;
import com.partnerflow.notification.Notifications;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * Mail of the dispute process: the partner's users on each status change, and the steering
 * committee at the second SLA breach. Each mail once per process step and recipient; an SMTP
 * failure propagates so the job is retried.
 */
@Service
class DisputeMail {

  private final Notifications notifications;
  private final Users users;
  private final DisputeProperties properties;

  DisputeMail(Notifications notifications, Users users, DisputeProperties properties) {
    this.notifications = notifications;
    this.users = users;
    this.properties = properties;
  }

  /** Tells the partner's users where the dispute stands now. */
  void statusChanged(Dispute d, String stepKey) {
    List<String> emails =
        users.findAll().stream()
            .filter(u -> u.isEnabled() && d.getPartnerId().equals(u.getPartnerId()))
            .map(AppUser::getEmail)
            .filter(e -> e != null && !e.isBlank())
            .toList();
    for (String email : emails) {
      notifications.send(
          new Notification(
              "dispute:" + d.getId() + ":" + stepKey + ":" + email,
              email,
              "dispute-status",
              model(d)));
    }
  }

  /** Mails the steering committee that the escalated dispute is overdue too. */
  String steeringCommittee(Dispute d, String stepKey) {
    String address = properties.steeringCommitteeAddress();
    notifications.send(
        new Notification(
            "dispute:" + d.getId() + ":" + stepKey + ":" + address,
            address,
            "dispute-steering-committee",
            model(d)));
    return address;
  }

  private static Map<String, Object> model(Dispute d) {
    Map<String, Object> model = new HashMap<>();
    model.put("id", d.getId());
    model.put("subject", DisputeSubjects.label(d.getSubjectType()) + " " + d.getSubjectId());
    model.put("status", d.getStatus().name());
    model.put("holder", d.getHolderGroup() == null ? "" : d.getHolderGroup());
    model.put("due", d.getSlaDueAt() == null ? "" : d.getSlaDueAt().toString());
    model.put("outcome", d.getOutcome() == null ? "" : d.getOutcome().name());
    model.put("reason", d.getOutcomeReason() == null ? "" : d.getOutcomeReason());
    model.put("amount", d.getDisputedAmount().toPlainString());
    model.put("currency", d.getCurrency());
    return model;
  }
}
