package nl.ymere.privacy.humanreview;

import nl.ymere.privacy.support.PostgresIntegrationTest;

/** dsr-human-review on PostgreSQL: every path of {@link HumanReviewProcessContract}. */
@PostgresIntegrationTest
class HumanReviewProcessPostgresTest extends HumanReviewProcessContract {
}
