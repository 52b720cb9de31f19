package nl.ymere.privacy.rectification;

import nl.ymere.privacy.support.PostgresIntegrationTest;

/** {@link RectificationProcessContract} on PostgreSQL. */
@PostgresIntegrationTest
class RectificationProcessPostgresTest extends RectificationProcessContract {
}
