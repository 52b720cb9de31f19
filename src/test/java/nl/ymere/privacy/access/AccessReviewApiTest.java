package nl.ymere.privacy.access;

import nl.ymere.privacy.support.IntegrationTest;

/** The access review page API ({@link AccessReviewApiContract}) on H2. */
@IntegrationTest
class AccessReviewApiTest extends AccessReviewApiContract {
}
