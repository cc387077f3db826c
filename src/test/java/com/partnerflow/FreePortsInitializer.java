package com.partnerflow;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Gives each test application context its own engine port, SMTP port and in-memory database, so
 * cached contexts never collide.
 */
public class FreePortsInitializer
    implements ApplicationContextInitializer<ConfigurableApplicationContext> {

  @Override
  public void initialize(ConfigurableApplicationContext context) {
    String db = "partnerflow-" + UUID.randomUUID();
    context
        .getEnvironment()
        .getPropertySources()
        .addFirst(
            new MapPropertySource(
                "test-ports",
                Map.of(
                    "partnerflow.engine.port", freePort(),
                    "spring.mail.port", freePort(),
                    "spring.datasource.url",
                        "jdbc:h2:mem:"
                            + db
                            + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;"
                            + "CASE_INSENSITIVE_IDENTIFIERS=TRUE;DB_CLOSE_DELAY=-1")));
  }

  public static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
