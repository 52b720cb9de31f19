package nl.ymere.privacy.access;

import nl.ymere.privacy.support.IntegrationTest;

/** Every path of {@code dsr-access} ({@link AccessProcessContract}) on H2. */
@IntegrationTest
class AccessRequestProcessTest extends AccessProcessContract {
}
