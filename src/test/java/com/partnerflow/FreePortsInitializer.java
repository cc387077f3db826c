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
                    "spring.datasource.url", databaseOfItsOwn(context, db))));
  }

  /**
   * The embedded profile's H2 URL with its settings (MySQL mode, statement cache, ...), naming a
   * database of the context's own instead of {@code partnerflow}.
   */
  private static String databaseOfItsOwn(ConfigurableApplicationContext context, String db) {
    String url = context.getEnvironment().getRequiredProperty("spring.datasource.url");
    if (!url.startsWith(EMBEDDED_DATABASE)) {
      throw new IllegalStateException("not the embedded profile's database: " + url);
    }
    return "jdbc:h2:mem:" + db + url.substring(EMBEDDED_DATABASE.length() - 1);
  }

  private static final String EMBEDDED_DATABASE = "jdbc:h2:mem:partnerflow;";

  public static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
