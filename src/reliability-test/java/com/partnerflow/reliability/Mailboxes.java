package com.partnerflow.reliability;

import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/** Reads what reached the tier's mail server, over IMAP, as the recipients would. */
final class Mailboxes {

  private final int imapPort;

  Mailboxes(int imapPort) {
    this.imapPort = imapPort;
  }

  /** One message in an inbox. */
  record Received(String subject, String messageId) {}

  /** The subjects in the recipient's inbox, one per message received. */
  List<String> subjects(String recipient) {
    return received(recipient).stream().map(Received::subject).toList();
  }

  /** The messages in the recipient's inbox, in the order received. */
  List<Received> received(String recipient) {
    Properties properties = new Properties();
    properties.put("mail.imap.connectiontimeout", "10000");
    properties.put("mail.imap.timeout", "30000");
    try {
      Store store = Session.getInstance(properties).getStore("imap");
      store.connect("127.0.0.1", imapPort, recipient, recipient);
      try {
        Folder inbox = store.getFolder("INBOX");
        inbox.open(Folder.READ_ONLY);
        List<Received> received = new ArrayList<>();
        for (Message message : inbox.getMessages()) {
          String[] ids = message.getHeader("Message-ID");
          received.add(new Received(message.getSubject(), ids == null ? null : ids[0]));
        }
        inbox.close(false);
        return received;
      } finally {
        store.close();
      }
    } catch (MessagingException e) {
      throw new IllegalStateException("Cannot read the mailbox of " + recipient, e);
    }
  }
}
