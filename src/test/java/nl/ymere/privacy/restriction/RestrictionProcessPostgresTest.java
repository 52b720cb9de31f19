package nl.ymere.privacy.restriction;

import nl.ymere.privacy.support.PostgresIntegrationTest;

/** {@link RestrictionProcessContract} on PostgreSQL. */
@PostgresIntegrationTest
class RestrictionProcessPostgresTest extends RestrictionProcessContract {
}
