package nl.ymere.privacy.objection;

import nl.ymere.privacy.support.IntegrationTest;

/** dsr-objection paths on H2. */
@IntegrationTest
class ObjectionProcessTest extends ObjectionProcessContract {
}
