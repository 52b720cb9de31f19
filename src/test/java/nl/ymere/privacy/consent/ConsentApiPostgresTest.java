package nl.ymere.privacy.consent;

import nl.ymere.privacy.support.PostgresIntegrationTest;

/** The consent register and consent-withdrawal on PostgreSQL (required when CI=true). */
@PostgresIntegrationTest
class ConsentApiPostgresTest extends ConsentContract {
}
