package com.partnerflow.persistence;

import org.springframework.boot.test.autoconfigure.jdbc.AutoConfigureTestDatabase;
import org.springframework.boot.test.autoconfigure.orm.jpa.DataJpaTest;

/** The repository contract on H2 in MySQL mode, with the production migrations. */
@DataJpaTest(
    properties =
        "spring.datasource.url=jdbc:h2:mem:repository-contract;MODE=MySQL;DATABASE_TO_LOWER=TRUE;"
            + "CASE_INSENSITIVE_IDENTIFIERS=TRUE;DB_CLOSE_DELAY=-1")
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
class H2RepositoryTest extends RepositoryContract {}
