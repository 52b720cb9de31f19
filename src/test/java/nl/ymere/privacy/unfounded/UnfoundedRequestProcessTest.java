package nl.ymere.privacy.unfounded;

import nl.ymere.privacy.support.IntegrationTest;

/** REQ-3 paths on H2. */
@IntegrationTest
class UnfoundedRequestProcessTest extends UnfoundedRequestProcessContract {
}
