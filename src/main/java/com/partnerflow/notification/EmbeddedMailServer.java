package com.partnerflow.notification;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/** An SMTP server in this JVM (GreenMail) that keeps every mail in memory for the embedded mode. */
public class EmbeddedMailServer implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(EmbeddedMailServer.class);

  private final int port;
  private volatile GreenMail greenMail;

  public EmbeddedMailServer(int port) {
    this.port = port;
  }

  @Override
  public void start() {
    greenMail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    greenMail.start();
    log.info("Embedded SMTP server listening on 127.0.0.1:{} (mail kept in memory)", port);
  }

  @Override
  public void stop() {
    if (greenMail != null) {
      greenMail.stop();
      greenMail = null;
    }
  }

  @Override
  public boolean isRunning() {
    return greenMail != null;
  }

  @Override
  public int getPhase() {
    // Up before the engine starts handing out jobs whose workers send mail.
    return SmartLifecycle.DEFAULT_PHASE - 8192;
  }

  public List<MimeMessage> receivedMessages() {
    return greenMail == null ? List.of() : List.of(greenMail.getReceivedMessages());
  }

  public int port() {
    return port;
  }
}
