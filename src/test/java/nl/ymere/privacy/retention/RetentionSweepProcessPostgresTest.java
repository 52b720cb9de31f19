package nl.ymere.privacy.retention;

import nl.ymere.privacy.support.PostgresIntegrationTest;

/** {@code retention-sweep} end to end on PostgreSQL (required when CI=true). */
@PostgresIntegrationTest
class RetentionSweepProcessPostgresTest extends RetentionSweepProcessContract {
}
