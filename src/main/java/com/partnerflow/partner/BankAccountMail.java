package com.partnerflow.partner;

import com.partnerflow.identity.AppUser;
import com.partnerflow.identity.PartnerflowUser;
import com.partnerflow.identity.Users;
import com.partnerflow.notification.Notification;
import com.partnerflow.notification.Notifications;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Confirms a bank account change to the partner's other admins, who would notice a change they did
 * not expect (changed bank details are a classic fraud path). Account numbers appear masked.
 */
@Component
class BankAccountMail {

  static final String TEMPLATE = "bank-account-changed";
  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);

  private final Notifications notifications;
  private final Users users;

  BankAccountMail(Notifications notifications, Users users) {
    this.notifications = notifications;
    this.users = users;
  }

  /**
   * Mails every enabled partner admin of the partner with an address, except who made the change.
   *
   * @return the addresses mailed
   */
  List<String> changed(
      Partner partner, BankAccountChange change, String changedByName, String changedBy) {
    List<String> recipients =
        users.findByPartnerIdOrderByUsername(partner.getId()).stream()
            .filter(u -> u.isEnabled() && u.getEmail() != null)
            .filter(u -> u.getGroups().contains(PartnerflowUser.PARTNER_ADMINS))
            .filter(u -> !u.getUsername().equals(changedBy))
            .map(AppUser::getEmail)
            .distinct()
            .toList();
    Map<String, Object> model = new HashMap<>();
    model.put("partnerName", partner.getName());
    model.put("changedByName", changedByName);
    model.put("changedAt", WHEN.format(change.getChangedAt()));
    model.put("oldAccount", orNone(change.getOldAccountMasked()));
    model.put("oldHolderName", orNone(change.getOldHolderName()));
    model.put("newAccount", change.getNewAccountMasked());
    model.put("newHolderName", change.getNewHolderName());
    for (String recipient : recipients) {
      notifications.send(
          new Notification(
              "bank-account-change:" + change.getId() + ":" + recipient,
              recipient,
              TEMPLATE,
              model));
    }
    return recipients;
  }

  private static String orNone(String value) {
    return value == null ? "none" : value;
  }
}
