package nl.ymere.privacy.fraud;

import java.time.Period;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code privacy.fraud.*}.
 *
 * @param dismissedRetention how long the data of a dismissed signal are kept after the decision (default P3M);
 *     then the signal's data and its engine history are deleted (RET-1, RET-2, RET-6)
 * @param postponementReview after how long a recorded Art 23 AVG / art 41 UAVG ground that postpones informing the
 *     tenant is re-checked (default P1M)
 * @param historyPurgeInterval how often ended, deleted signals' engine history is removed (default PT1H)
 */
@ConfigurationProperties("privacy.fraud")
record FraudProperties(Period dismissedRetention, Period postponementReview, java.time.Duration historyPurgeInterval) {

  FraudProperties {
    dismissedRetention = dismissedRetention == null ? Period.ofMonths(3) : dismissedRetention;
    postponementReview = postponementReview == null ? Period.ofMonths(1) : postponementReview;
    historyPurgeInterval = historyPurgeInterval == null ? java.time.Duration.ofHours(1) : historyPurgeInterval;
  }
}
