package com.partnerflow.insights;

import com.partnerflow.persistence.CleanMySqlSchema;
import org.junit.jupiter.api.Tag;
import org.springframework.boot.test.autoconfigure.jdbc.AutoConfigureTestDatabase;
import org.springframework.boot.test.autoconfigure.orm.jpa.DataJpaTest;
import org.springframework.context.annotation.Import;

/**
 * The insights queries contract against a real MySQL-protocol server (MySQL 8 or MariaDB) through
 * Connector/J, in its own schema ({@code PARTNERFLOW_TEST_MYSQL_INSIGHTS_URL}, default {@code
 * partnerflow_insights_test}), migrated from scratch; fails, never skips, when the server is
 * unreachable.
 */
@Tag("mysql")
@DataJpaTest(
    properties = {
      "spring.datasource.url=${PARTNERFLOW_TEST_MYSQL_INSIGHTS_URL:jdbc:mysql://127.0.0.1:3306/partnerflow_insights_test?createDatabaseIfNotExist=true}",
      "spring.datasource.username=${PARTNERFLOW_TEST_MYSQL_USER:root}",
      "spring.datasource.password=${PARTNERFLOW_TEST_MYSQL_PASSWORD:}",
      "spring.datasource.driver-class-name=com.mysql.cj.jdbc.Driver",
      "spring.flyway.clean-disabled=false"
    })
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@Import({InsightsQueries.class, CleanMySqlSchema.class})
class MySqlInsightsQueriesIT extends InsightsQueriesContract {}
