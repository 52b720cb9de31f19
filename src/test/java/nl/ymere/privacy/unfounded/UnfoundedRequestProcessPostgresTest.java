package nl.ymere.privacy.unfounded;

import nl.ymere.privacy.support.PostgresIntegrationTest;

/** REQ-3 paths on PostgreSQL. */
@PostgresIntegrationTest
class UnfoundedRequestProcessPostgresTest extends UnfoundedRequestProcessContract {
}
