package nl.ymere.privacy.request;

import nl.ymere.privacy.support.IntegrationTest;

/** The request API contract on H2. */
@IntegrationTest
class RequestApiTest extends RequestApiContract {
}
