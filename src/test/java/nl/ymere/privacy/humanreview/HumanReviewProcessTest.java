package nl.ymere.privacy.humanreview;

import nl.ymere.privacy.support.IntegrationTest;

/** dsr-human-review on H2: every path of {@link HumanReviewProcessContract}. */
@IntegrationTest
class HumanReviewProcessTest extends HumanReviewProcessContract {
}
