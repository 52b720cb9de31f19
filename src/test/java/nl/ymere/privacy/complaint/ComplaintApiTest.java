package nl.ymere.privacy.complaint;

import nl.ymere.privacy.support.IntegrationTest;

/** The complaint API contract on H2. */
@IntegrationTest
class ComplaintApiTest extends ComplaintApiContract {
}
