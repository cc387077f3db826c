package com.partnerflow.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.partnerflow.PartnerflowIntegrationTest;
import com.partnerflow.common.TemporarilyUnavailableException;
import jakarta.mail.Address;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/** Mail goes out exactly once per idempotency key, survives an SMTP outage, and is logged. */
@PartnerflowIntegrationTest
class NotificationsIT {

  @Autowired Notifications notifications;
  @Autowired NotificationLog notificationLog;
  @Autowired NotificationAttempts attempts;
  @Autowired EmbeddedMailServer mailServer;
  @Autowired TransactionTemplate transaction;

  String recipient = "partner-" + UUID.randomUUID() + "@acme.example";

  List<MimeMessage> mailTo(String address) {
    return mailServer.receivedMessages().stream()
        .filter(
            m -> {
              try {
                return Arrays.stream(m.getAllRecipients())
                    .map(Address::toString)
                    .anyMatch(address::equals);
              } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
              }
            })
        .toList();
  }

  @Test
  void aRetriedSendWithTheSameKeyMailsOnlyOnce() throws Exception {
    var notice =
        new Notification("test:" + recipient, recipient, "test-notice", Map.of("name", "Alice"));

    notifications.send(notice);
    notifications.send(notice);

    assertThat(mailTo(recipient)).hasSize(1);
    assertThat(mailTo(recipient).getFirst().getSubject()).isEqualTo("Notice for Alice");
    NotificationRecord record =
        notificationLog.findByIdempotencyKey("test:" + recipient).orElseThrow();
    assertThat(record.getStatus()).isEqualTo(NotificationRecord.Status.SENT);
    assertThat(record.getAttempts()).isEqualTo(1);
  }

  @Test
  void anSmtpOutageFailsTheCallAndTheRetrySendsOnceSmtpIsBack() {
    var notice =
        new Notification("outage:" + recipient, recipient, "test-notice", Map.of("name", "Bob"));
    mailServer.stop();
    try {
      assertThatThrownBy(() -> notifications.send(notice))
          .isInstanceOf(TemporarilyUnavailableException.class);
      NotificationRecord failed =
          notificationLog.findByIdempotencyKey("outage:" + recipient).orElseThrow();
      assertThat(failed.getStatus()).isEqualTo(NotificationRecord.Status.PENDING);
      assertThat(failed.getLastError()).isNotBlank();
    } finally {
      mailServer.start();
    }

    notifications.send(notice);
    notifications.send(notice);

    assertThat(mailTo(recipient)).hasSize(1);
    NotificationRecord sent =
        notificationLog.findByIdempotencyKey("outage:" + recipient).orElseThrow();
    assertThat(sent.getStatus()).isEqualTo(NotificationRecord.Status.SENT);
    assertThat(sent.getAttempts()).isEqualTo(2);
    // The log's history: the failed attempt with the server's answer, then the one that went out.
    assertThat(attempts.findByNotificationIdOrderByAttempt(sent.getId()))
        .extracting(
            NotificationAttempt::getAttempt,
            NotificationAttempt::getOutcome,
            a -> a.getError() != null && !a.getError().isBlank())
        .containsExactly(
            tuple(1, NotificationAttempt.Outcome.FAILED, true),
            tuple(2, NotificationAttempt.Outcome.SENT, false));
  }

  @Test
  void aMailDeliveredAgainBecauseItsAcknowledgementWasLostCarriesTheSameMessageId()
      throws Exception {
    var notice =
        new Notification("ack-lost:" + recipient, recipient, "test-notice", Map.of("name", "Ann"));
    notifications.send(notice);
    // The server stored the mail, but the sender never heard so (SMTP stopped mid-answer).
    transaction.executeWithoutResult(
        s -> notificationLog.markFailed("ack-lost:" + recipient, "EOF"));

    notifications.send(notice);

    List<MimeMessage> received = mailTo(recipient);
    assertThat(received).hasSize(2);
    assertThat(received.get(0).getMessageID())
        .matches("<[0-9a-f]{40}@notification\\.partnerflow>")
        .isEqualTo(received.get(1).getMessageID());
    var other =
        new Notification("other:" + recipient, recipient, "test-notice", Map.of("name", "Ann"));
    notifications.send(other);
    assertThat(mailTo(recipient)).hasSize(3);
    assertThat(mailTo(recipient).get(2).getMessageID())
        .isNotEqualTo(received.get(0).getMessageID());
  }

  @Test
  void valuesAreEscapedInTheHtmlPart() throws Exception {
    notifications.send(
        new Notification(
            "escape:" + recipient, recipient, "test-notice", Map.of("name", "<b>Eve</b>")));

    var multipart = (jakarta.mail.internet.MimeMultipart) mailTo(recipient).getFirst().getContent();
    String raw = new String(mailTo(recipient).getFirst().getInputStream().readAllBytes());
    assertThat(multipart.getCount()).isPositive();
    assertThat(
            com.icegreen.greenmail.util.GreenMailUtil.getWholeMessage(mailTo(recipient).getFirst()))
        .contains("&lt;b&gt;Eve&lt;/b&gt;");
    assertThat(raw).isNotNull();
  }
}
