package nl.ymere.privacy.objection;

import nl.ymere.privacy.support.PostgresIntegrationTest;

/** dsr-objection paths on PostgreSQL. */
@PostgresIntegrationTest
class ObjectionProcessPostgresTest extends ObjectionProcessContract {
}
