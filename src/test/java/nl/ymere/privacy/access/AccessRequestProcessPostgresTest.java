package nl.ymere.privacy.access;

import nl.ymere.privacy.support.PostgresIntegrationTest;

/** Every path of {@code dsr-access} ({@link AccessProcessContract}) on PostgreSQL (BYTEA dossier, TEXT decisions). */
@PostgresIntegrationTest
class AccessRequestProcessPostgresTest extends AccessProcessContract {
}
