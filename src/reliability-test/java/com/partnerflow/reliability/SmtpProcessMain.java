package com.partnerflow.reliability;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.smtp.SmtpServer;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;

/**
 * The mail server of the reliability tier in a JVM of its own, so that it can fail apart from the
 * service: GreenMail with SMTP (what the service sends to) and IMAP (what the tier reads the
 * mailboxes with), without authentication; a recipient's mailbox exists once mail reached it.
 *
 * <p>Arguments: {@code <smtp-port> <imap-port>}. Prints {@link #READY} once both serve. Lines on
 * standard input stop ({@link #STOP_SMTP}) and start ({@link #START_SMTP}) the SMTP service alone,
 * as a mail server outage: the mailboxes and IMAP stay, so the tier still sees every mail that was
 * delivered before. Each is acknowledged with {@link #SMTP_STOPPED} or {@link #SMTP_STARTED}.
 */
public final class SmtpProcessMain {

  public static final String READY = "PARTNERFLOW-RELIABILITY-SMTP-READY";
  static final String STOP_SMTP = "stop-smtp";
  static final String START_SMTP = "start-smtp";
  static final String SMTP_STOPPED = "PARTNERFLOW-RELIABILITY-SMTP-STOPPED";
  static final String SMTP_STARTED = "PARTNERFLOW-RELIABILITY-SMTP-STARTED";

  private SmtpProcessMain() {}

  public static void main(String[] args) throws InterruptedException, IOException {
    var smtp = new ServerSetup(Integer.parseInt(args[0]), "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
    var imap = new ServerSetup(Integer.parseInt(args[1]), "127.0.0.1", ServerSetup.PROTOCOL_IMAP);
    var mail =
        new GreenMail(new ServerSetup[] {smtp, imap})
            .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
    Runtime.getRuntime().addShutdownHook(new Thread(mail::stop, "smtp-shutdown"));
    mail.start();
    System.out.println(READY + " smtp=" + smtp.getPort() + " imap=" + imap.getPort());
    System.out.flush();
    SmtpServer running = mail.getSmtp();
    var commands = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    for (String line = commands.readLine(); line != null; line = commands.readLine()) {
      if (STOP_SMTP.equals(line.trim()) && running != null) {
        running.stopService();
        running = null;
        System.out.println(SMTP_STOPPED);
      } else if (START_SMTP.equals(line.trim()) && running == null) {
        // A server thread cannot start twice: a new one on the same port and the same mailboxes.
        running = new SmtpServer(smtp, mail.getManagers());
        running.startService();
        if (!running.waitTillRunning(smtp.getServerStartupTimeout())) {
          throw new IllegalStateException("SMTP did not start again on port " + smtp.getPort());
        }
        System.out.println(SMTP_STARTED);
      }
      System.out.flush();
    }
    new CountDownLatch(1).await(); // serves until the tier ends the process
  }
}
