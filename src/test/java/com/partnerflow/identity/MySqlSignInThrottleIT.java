package com.partnerflow.identity;

import com.partnerflow.persistence.CleanMySqlSchema;
import org.junit.jupiter.api.Tag;
import org.springframework.boot.test.autoconfigure.jdbc.AutoConfigureTestDatabase;
import org.springframework.boot.test.autoconfigure.orm.jpa.DataJpaTest;
import org.springframework.context.annotation.Import;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The sign-in throttle contract, including the 32-connection failure race, against a real
 * MySQL-protocol server (MySQL 8 or MariaDB) through Connector/J. Its own schema ({@code
 * PARTNERFLOW_TEST_MYSQL_SIGNIN_URL}, default {@code partnerflow_signin_test} on the local server),
 * started from scratch; fails, never skips, when the server is unreachable.
 */
@Tag("mysql")
@DataJpaTest(
    properties = {
      "spring.datasource.url=${PARTNERFLOW_TEST_MYSQL_SIGNIN_URL:jdbc:mysql://127.0.0.1:3306/partnerflow_signin_test?createDatabaseIfNotExist=true}",
      "spring.datasource.username=${PARTNERFLOW_TEST_MYSQL_USER:root}",
      "spring.datasource.password=${PARTNERFLOW_TEST_MYSQL_PASSWORD:}",
      "spring.datasource.driver-class-name=com.mysql.cj.jdbc.Driver",
      "spring.flyway.clean-disabled=false"
    })
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@Transactional(propagation = Propagation.NOT_SUPPORTED)
@Import({SignInThrottleContract.Setup.class, CleanMySqlSchema.class})
class MySqlSignInThrottleIT extends SignInThrottleContract {}
