package com.partnerflow.fund;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Tag;
import org.springframework.boot.autoconfigure.flyway.FlywayMigrationStrategy;
import org.springframework.boot.test.autoconfigure.jdbc.AutoConfigureTestDatabase;
import org.springframework.boot.test.autoconfigure.orm.jpa.DataJpaTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The fund ledger contract, including the 64-thread reservation race, against a real MySQL-protocol
 * server (MySQL 8 or MariaDB) through Connector/J. It uses its own schema ({@code
 * PARTNERFLOW_TEST_MYSQL_FUND_URL}, default {@code partnerflow_fund_test} on the local server),
 * starts it from scratch and fails, never skips, when the server is unreachable.
 */
@Tag("mysql")
@DataJpaTest(
    properties = {
      "spring.datasource.url=${PARTNERFLOW_TEST_MYSQL_FUND_URL:jdbc:mysql://127.0.0.1:3306/partnerflow_fund_test?createDatabaseIfNotExist=true}",
      "spring.datasource.username=${PARTNERFLOW_TEST_MYSQL_USER:root}",
      "spring.datasource.password=${PARTNERFLOW_TEST_MYSQL_PASSWORD:}",
      "spring.datasource.driver-class-name=com.mysql.cj.jdbc.Driver",
      "spring.flyway.clean-disabled=false"
    })
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@Transactional(propagation = Propagation.NOT_SUPPORTED)
@Import({FundLedgerContract.Setup.class, MySqlFundLedgerIT.CleanSchema.class})
class MySqlFundLedgerIT extends FundLedgerContract {

  /** Each run starts from an empty schema so the migrations are proven from scratch. */
  @TestConfiguration(proxyBeanMethods = false)
  static class CleanSchema {
    @Bean
    FlywayMigrationStrategy cleanThenMigrate() {
      return (Flyway flyway) -> {
        flyway.clean();
        flyway.migrate();
      };
    }
  }
}
