package nl.ymere.privacy.breach;

import nl.ymere.privacy.support.PostgresIntegrationTest;

/** {@code data-breach.bpmn} on PostgreSQL (required when CI=true). */
@PostgresIntegrationTest
class BreachProcessPostgresTest extends BreachProcessContract {
}
