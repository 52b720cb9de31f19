package nl.ymere.privacy.portability;

import nl.ymere.privacy.support.PostgresIntegrationTest;

/** {@link PortabilityProcessContract} on PostgreSQL. */
@PostgresIntegrationTest
class PortabilityProcessPostgresTest extends PortabilityProcessContract {
}
