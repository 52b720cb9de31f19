package nl.ymere.privacy.humanreview;

import java.time.Period;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code privacy.human-review.*}.
 *
 * @param viewPeriod how long the person has to state a view on the decision (ADM-6) before two reviewers decide
 *     anew without it (default 14 days)
 */
@ConfigurationProperties("privacy.human-review")
record HumanReviewProperties(Period viewPeriod) {

  HumanReviewProperties {
    viewPeriod = viewPeriod == null ? Period.ofDays(14) : viewPeriod;
  }
}
