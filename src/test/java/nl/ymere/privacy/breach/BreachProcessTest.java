package nl.ymere.privacy.breach;

import nl.ymere.privacy.support.IntegrationTest;

/** {@code data-breach.bpmn} on H2 (issue 18). */
@IntegrationTest
class BreachProcessTest extends BreachProcessContract {
}
