package nl.ymere.privacy.retention;

import nl.ymere.privacy.support.IntegrationTest;

/** {@code retention-sweep} end to end on H2. */
@IntegrationTest
class RetentionSweepProcessTest extends RetentionSweepProcessContract {
}
