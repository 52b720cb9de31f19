package nl.ymere.privacy.erasure;

import nl.ymere.privacy.support.PostgresIntegrationTest;

/** Every path of dsr-erasure ({@link ErasureProcessContract}) on PostgreSQL. */
@PostgresIntegrationTest
class ErasureProcessPostgresTest extends ErasureProcessContract {
}
