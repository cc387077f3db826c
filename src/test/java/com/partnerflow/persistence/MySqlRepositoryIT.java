package com.partnerflow.persistence;

import org.junit.jupiter.api.Tag;
import org.springframework.boot.test.autoconfigure.jdbc.AutoConfigureTestDatabase;
import org.springframework.boot.test.autoconfigure.orm.jpa.DataJpaTest;
import org.springframework.context.annotation.Import;

/**
 * The repository contract against a real MySQL-protocol server (MySQL 8 or MariaDB) through
 * Connector/J. It connects to {@code PARTNERFLOW_TEST_MYSQL_URL} (default: the local server of the
 * CI machine) and fails, never skips, when the server is unreachable.
 */
@Tag("mysql")
@DataJpaTest(
    properties = {
      "spring.datasource.url=${PARTNERFLOW_TEST_MYSQL_URL:jdbc:mysql://127.0.0.1:3306/partnerflow_test?createDatabaseIfNotExist=true}",
      "spring.datasource.username=${PARTNERFLOW_TEST_MYSQL_USER:root}",
      "spring.datasource.password=${PARTNERFLOW_TEST_MYSQL_PASSWORD:}",
      "spring.datasource.driver-class-name=com.mysql.cj.jdbc.Driver",
      "spring.flyway.clean-disabled=false"
    })
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@Import(CleanMySqlSchema.class)
class MySqlRepositoryIT extends RepositoryContract {}
