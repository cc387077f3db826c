package com.partnerflow.persistence;

import org.flywaydb.core.Flyway;
import org.springframework.boot.autoconfigure.flyway.FlywayMigrationStrategy;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * For the MySQL tier: each run starts from an empty schema, so the migrations are proven from
 * scratch on the real server.
 */
@TestConfiguration(proxyBeanMethods = false)
public class CleanMySqlSchema {

  @Bean
  FlywayMigrationStrategy cleanThenMigrate() {
    return (Flyway flyway) -> {
      flyway.clean();
      flyway.migrate();
    };
  }
}
