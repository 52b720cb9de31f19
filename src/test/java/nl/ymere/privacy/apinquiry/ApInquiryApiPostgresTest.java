package nl.ymere.privacy.apinquiry;

import nl.ymere.privacy.support.PostgresIntegrationTest;

/** The AP inquiry API contract, with its happy path to the released hold, on PostgreSQL. */
@PostgresIntegrationTest
class ApInquiryApiPostgresTest extends ApInquiryApiContract {
}
