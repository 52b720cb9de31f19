package nl.ymere.privacy.restriction;

import nl.ymere.privacy.support.IntegrationTest;

/** {@link RestrictionProcessContract} on H2. */
@IntegrationTest
class RestrictionProcessTest extends RestrictionProcessContract {
}
