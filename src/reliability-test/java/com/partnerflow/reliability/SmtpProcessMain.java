package com.partnerflow.reliability;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.util.concurrent.CountDownLatch;

/**
 * The mail server of the reliability tier in a JVM of its own, so that it can fail apart from the
 * service: GreenMail with SMTP (what the service sends to) and IMAP (what the tier reads the
 * mailboxes with), without authentication; a recipient's mailbox exists once mail reached it.
 *
 * <p>Arguments: {@code <smtp-port> <imap-port>}. Prints {@link #READY} once both serve.
 */
public final class SmtpProcessMain {

  public static final String READY = "PARTNERFLOW-RELIABILITY-SMTP-READY";

  private SmtpProcessMain() {}

  public static void main(String[] args) throws InterruptedException {
    var smtp = new ServerSetup(Integer.parseInt(args[0]), "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
    var imap = new ServerSetup(Integer.parseInt(args[1]), "127.0.0.1", ServerSetup.PROTOCOL_IMAP);
    var mail =
        new GreenMail(new ServerSetup[] {smtp, imap})
            .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
    Runtime.getRuntime().addShutdownHook(new Thread(mail::stop, "smtp-shutdown"));
    mail.start();
    System.out.println(READY + " smtp=" + smtp.getPort() + " imap=" + imap.getPort());
    System.out.flush();
    new CountDownLatch(1).await(); // serves until the tier ends the process
  }
}
