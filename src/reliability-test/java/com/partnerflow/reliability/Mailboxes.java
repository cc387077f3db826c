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

  /** The subjects in the recipient's inbox, one per message received. */
  List<String> subjects(String recipient) {
    Properties properties = new Properties();
    properties.put("mail.imap.connectiontimeout", "10000");
    properties.put("mail.imap.timeout", "30000");
    try {
      Store store = Session.getInstance(properties).getStore("imap");
      store.connect("127.0.0.1", imapPort, recipient, recipient);
      try {
        Folder inbox = store.getFolder("INBOX");
        inbox.open(Folder.READ_ONLY);
        List<String> subjects = new ArrayList<>();
        for (Message message : inbox.getMessages()) {
          subjects.add(message.getSubject());
        }
        inbox.close(false);
        return subjects;
      } finally {
        store.close();
      }
    } catch (MessagingException e) {
      throw new IllegalStateException("Cannot read the mailbox of " + recipient, e);
    }
  }
}
