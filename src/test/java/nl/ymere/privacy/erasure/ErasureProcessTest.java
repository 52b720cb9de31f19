package nl.ymere.privacy.erasure;

import nl.ymere.privacy.support.IntegrationTest;

/** Every path of dsr-erasure ({@link ErasureProcessContract}) on H2. */
@IntegrationTest
class ErasureProcessTest extends ErasureProcessContract {
}
