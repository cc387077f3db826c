package com.partnerflow;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;
import org.springframework.beans.factory.support.DefaultSingletonBeanRegistry;
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
    String url = databaseOfItsOwn(context, "partnerflow-" + UUID.randomUUID());
    context
        .getEnvironment()
        .getPropertySources()
        .addFirst(
            new MapPropertySource(
                "test-ports",
                Map.of(
                    "partnerflow.engine.port", freePort(),
                    "spring.mail.port", freePort(),
                    "spring.datasource.url", url)));
    // DB_CLOSE_DELAY=-1 keeps an in-memory database after its pool is closed, so every context a
    // test JVM closed kept its data until the JVM ended (1.9 GB of heap in one -Pbench run). The
    // first disposable registered is destroyed last: after the pool.
    ((DefaultSingletonBeanRegistry) context.getBeanFactory())
        .registerDisposableBean("dropTheContextsDatabase", () -> shutDown(context, url));
  }

  private static void shutDown(ConfigurableApplicationContext context, String url)
      throws SQLException {
    try (Connection connection =
            DriverManager.getConnection(
                url,
                context.getEnvironment().getProperty("spring.datasource.username"),
                context.getEnvironment().getProperty("spring.datasource.password"));
        Statement statement = connection.createStatement()) {
      statement.execute("SHUTDOWN");
    }
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
