package nl.ymere.privacy.camera;

import nl.ymere.privacy.support.PostgresIntegrationTest;

/** The camera API contract and the protocol's happy path on PostgreSQL (required when CI=true). */
@PostgresIntegrationTest
class CameraApiPostgresTest extends CameraApiContract {
}
