package nl.ymere.privacy.access;

import nl.ymere.privacy.support.PostgresIntegrationTest;

/** The access review page API ({@link AccessReviewApiContract}) on PostgreSQL. */
@PostgresIntegrationTest
class AccessReviewApiPostgresTest extends AccessReviewApiContract {
}
