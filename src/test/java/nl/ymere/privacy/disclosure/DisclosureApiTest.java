package nl.ymere.privacy.disclosure;

import nl.ymere.privacy.support.IntegrationTest;

/** The disclosure API contract on H2. */
@IntegrationTest
class DisclosureApiTest extends DisclosureApiContract {
}
