package nl.ymere.privacy.portability;

import nl.ymere.privacy.support.IntegrationTest;

/** {@link PortabilityProcessContract} on H2. */
@IntegrationTest
class PortabilityProcessTest extends PortabilityProcessContract {
}
