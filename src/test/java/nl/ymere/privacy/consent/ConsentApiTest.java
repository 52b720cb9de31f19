package nl.ymere.privacy.consent;

import nl.ymere.privacy.support.IntegrationTest;

/** The consent register and consent-withdrawal on H2. */
@IntegrationTest
class ConsentApiTest extends ConsentContract {
}
