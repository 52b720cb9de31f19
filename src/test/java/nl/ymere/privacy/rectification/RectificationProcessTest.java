package nl.ymere.privacy.rectification;

import nl.ymere.privacy.support.IntegrationTest;

/** {@link RectificationProcessContract} on H2. */
@IntegrationTest
class RectificationProcessTest extends RectificationProcessContract {
}
