package nl.ymere.privacy.apinquiry;

import nl.ymere.privacy.support.IntegrationTest;

/** The AP inquiry API contract on H2. */
@IntegrationTest
class ApInquiryApiTest extends ApInquiryApiContract {
}
