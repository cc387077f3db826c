package com.partnerflow.insights;

import org.springframework.boot.test.autoconfigure.jdbc.AutoConfigureTestDatabase;
import org.springframework.boot.test.autoconfigure.orm.jpa.DataJpaTest;
import org.springframework.context.annotation.Import;

/** The insights queries contract on H2 in MySQL mode with the production migrations. */
@DataJpaTest(
    properties =
        "spring.datasource.url=jdbc:h2:mem:insights-queries;MODE=MySQL;DATABASE_TO_LOWER=TRUE;"
            + "CASE_INSENSITIVE_IDENTIFIERS=TRUE;DB_CLOSE_DELAY=-1;DB_CLOSE_ON_EXIT=FALSE")
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@Import(InsightsQueries.class)
class InsightsQueriesIT extends InsightsQueriesContract {}
