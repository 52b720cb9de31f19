package nl.ymere.privacy.fraud;

import nl.ymere.privacy.support.IntegrationTest;

/** The fraud-signal API contract on H2. */
@IntegrationTest
class FraudSignalApiTest extends FraudSignalApiContract {
}
