package nl.ymere.privacy.camera;

import nl.ymere.privacy.support.IntegrationTest;

/** The camera API contract on H2. */
@IntegrationTest
class CameraApiTest extends CameraApiContract {
}
