package com.partnerflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.env.MapPropertySource;

class FreePortsInitializerTest {

  private static final String EMBEDDED =
      "jdbc:h2:mem:partnerflow;MODE=MySQL;DB_CLOSE_DELAY=-1;QUERY_CACHE_SIZE=128";

  @Test
  void aContextGetsTheEmbeddedSettingsOnADatabaseOfItsOwnWhichItsCloseDrops() throws Exception {
    GenericApplicationContext context = new GenericApplicationContext();
    context
        .getEnvironment()
        .getPropertySources()
        .addFirst(
            new MapPropertySource(
                "embedded profile",
                Map.of(
                    "spring.datasource.url", EMBEDDED,
                    "spring.datasource.username", "sa",
                    "spring.datasource.password", "")));
    new FreePortsInitializer().initialize(context);
    String url = context.getEnvironment().getRequiredProperty("spring.datasource.url");
    assertThat(url)
        .startsWith("jdbc:h2:mem:partnerflow-")
        .endsWith(";MODE=MySQL;DB_CLOSE_DELAY=-1;QUERY_CACHE_SIZE=128");
    context.refresh();

    execute(url, "CREATE TABLE kept (id INT)");
    // DB_CLOSE_DELAY=-1: the data outlives the connection while the context runs...
    execute(url, "SELECT id FROM kept");
    context.close();

    // ...and is gone once the context is closed: the same URL opens an empty database.
    assertThatThrownBy(() -> execute(url, "SELECT id FROM kept"))
        .isInstanceOf(SQLException.class)
        .satisfies(e -> assertThat(e.getMessage()).containsIgnoringCase("kept"));
    execute(url, "SHUTDOWN");
  }

  private static void execute(String url, String sql) throws SQLException {
    try (Connection connection = DriverManager.getConnection(url, "sa", "");
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }
}
