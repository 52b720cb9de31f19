package nl.ymere.privacy.fraud;

import nl.ymere.privacy.support.PostgresIntegrationTest;

/** The fraud-signal API contract, with its happy path through both assessments, on PostgreSQL. */
@PostgresIntegrationTest
class FraudSignalApiPostgresTest extends FraudSignalApiContract {
}
