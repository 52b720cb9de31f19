package nl.ymere.privacy.request;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code privacy.webform.*}: the public request form at {@code /verzoek} (REQ-2: the web form is one intake channel).
 *
 * @param maxPerWindow accepted submissions per client address within {@code window}; more answer 429
 * @param window the sliding window of the rate limit
 * @param maxTrackedAddresses the most client addresses the limiter remembers (the least recently seen is forgotten
 *     first), so its memory stays bounded whatever arrives
 * @param privacyStatementUrl the privacy statement the form links to
 */
@ConfigurationProperties("privacy.webform")
public record WebFormProperties(
    @DefaultValue("5") int maxPerWindow,
    @DefaultValue("PT10M") Duration window,
    @DefaultValue("10000") int maxTrackedAddresses,
    @DefaultValue("https://www.ymere.nl/privacy") String privacyStatementUrl) {

  public WebFormProperties {
    if (maxPerWindow < 1 || window.isNegative() || window.isZero() || maxTrackedAddresses < 1) {
      throw new IllegalArgumentException("privacy.webform: max-per-window, window and max-tracked-addresses must be "
          + "positive");
    }
  }
}
