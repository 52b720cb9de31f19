package nl.ymere.privacy.complaint;

import nl.ymere.privacy.support.PostgresIntegrationTest;

/** The complaint API contract, with its happy path to the answer, on PostgreSQL. */
@PostgresIntegrationTest
class ComplaintApiPostgresTest extends ComplaintApiContract {
}
