package nl.ymere.privacy.restriction;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code privacy.restriction.*}.
 *
 * @param liftNoticePeriod Art 18(3), RES-3: how long after the notice to the person a processing block is lifted
 *     (default 7 days), so they can react before it happens
 */
@ConfigurationProperties("privacy.restriction")
record RestrictionProperties(Duration liftNoticePeriod) {

  RestrictionProperties {
    liftNoticePeriod = liftNoticePeriod == null ? Duration.ofDays(7) : liftNoticePeriod;
    if (liftNoticePeriod.isNegative()) {
      throw new IllegalArgumentException("privacy.restriction.lift-notice-period must not be negative");
    }
  }
}
