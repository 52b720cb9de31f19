package nl.ymere.privacy.request;

import nl.ymere.privacy.support.PostgresIntegrationTest;

/** The request API contract on PostgreSQL (required when CI=true). */
@PostgresIntegrationTest
class RequestApiPostgresTest extends RequestApiContract {
}
