package com.partnerflow.notification;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.IOException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.context.annotation.Profile;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Reads back what the embedded SMTP server received; admins only, embedded mode only. */
@RestController
@Profile("embedded")
@PreAuthorize("hasAuthority('GROUP_admins')")
@Tag(name = "Development", description = "Embedded mode only")
class MailboxController {

  private final EmbeddedMailServer mailServer;

  MailboxController(EmbeddedMailServer mailServer) {
    this.mailServer = mailServer;
  }

  /** One received mail. */
  record ReceivedMail(
      String from, List<String> to, String subject, Instant receivedAt, String text) {}

  @GetMapping("/api/dev/mailbox")
  @Operation(
      operationId = "getMailbox",
      summary = "Read the mail the embedded SMTP server received",
      description =
          """
          **Who:** admins. Embedded mode only: the operation does not exist on a cluster.

          Every mail the service sent, newest first, with its plain-text part.""")
  @ApiResponse(responseCode = "200", description = "The received mail, newest first")
  @ApiResponse(responseCode = "403", description = "The caller is no admin")
  List<ReceivedMail> mailbox() throws MessagingException, IOException {
    List<ReceivedMail> mails = new java.util.ArrayList<>();
    for (MimeMessage message : mailServer.receivedMessages()) {
      mails.add(
          new ReceivedMail(
              addresses(message.getFrom()),
              Arrays.stream(message.getAllRecipients()).map(Address::toString).toList(),
              message.getSubject(),
              message.getReceivedDate() != null ? message.getReceivedDate().toInstant() : null,
              text(message.getContent())));
    }
    mails.sort(
        Comparator.comparing(
            ReceivedMail::receivedAt, Comparator.nullsLast(Comparator.reverseOrder())));
    return mails;
  }

  private static String addresses(Address[] addresses) {
    return addresses == null
        ? ""
        : Arrays.stream(addresses).map(Address::toString).collect(Collectors.joining(", "));
  }

  private static String text(Object content) throws MessagingException, IOException {
    if (content instanceof MimeMultipart multipart) {
      for (int i = 0; i < multipart.getCount(); i++) {
        var part = multipart.getBodyPart(i);
        if (part.isMimeType("text/plain")) {
          return part.getContent().toString();
        }
        if (part.getContent() instanceof MimeMultipart nested) {
          return text(nested);
        }
      }
      return "";
    }
    return content == null ? "" : content.toString();
  }
}
