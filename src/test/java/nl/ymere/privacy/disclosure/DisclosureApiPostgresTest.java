package nl.ymere.privacy.disclosure;

import nl.ymere.privacy.support.PostgresIntegrationTest;

/** The disclosure API contract on PostgreSQL. */
@PostgresIntegrationTest
class DisclosureApiPostgresTest extends DisclosureApiContract {
}
