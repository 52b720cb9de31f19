package nl.ymere.privacy.mail;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code privacy.mail.*}: sender and outbox dispatch settings (DESIGN principle 4).
 *
 * @param sender From address of every e-mail; its domain also names the generated Message-IDs
 * @param dispatchInterval fixed delay between two dispatcher runs on a node
 * @param batchSize most rows one dispatcher run picks up
 * @param maxAttempts SMTP attempts before a row becomes FAILED
 * @param initialBackoff wait after the first failed attempt; doubled after every further failure
 * @param maxBackoff longest wait between two attempts
 * @param dispatcherEnabled whether the scheduled dispatcher runs on this node (tests turn it off)
 * @param stuckAfter a row in SENDING longer than this is flagged as stuck on the admin page
 * @param markSentAttempts tries to record SENT after the server accepted a mail (a database blip in between
 *     would otherwise leave a delivered mail in SENDING)
 * @param markSentBackoff wait before the second try to record SENT; doubled before every further try
 */
@ConfigurationProperties("privacy.mail")
public record OutboxProperties(
    @DefaultValue("Ymere Privacy <privacy@ymere.nl>") String sender,
    @DefaultValue("PT5S") Duration dispatchInterval,
    @DefaultValue("20") int batchSize,
    @DefaultValue("12") int maxAttempts,
    @DefaultValue("PT30S") Duration initialBackoff,
    @DefaultValue("PT1H") Duration maxBackoff,
    @DefaultValue("true") boolean dispatcherEnabled,
    @DefaultValue("PT5M") Duration stuckAfter,
    @DefaultValue("6") int markSentAttempts,
    @DefaultValue("PT0.2S") Duration markSentBackoff) {

  /** Wait before the next attempt after {@code failedAttempts} failures (1, 2, ...): doubling, capped. */
  Duration backoffAfter(int failedAttempts) {
    Duration wait = initialBackoff;
    for (int i = 1; i < failedAttempts && wait.compareTo(maxBackoff) < 0; i++) {
      wait = wait.multipliedBy(2);
    }
    return wait.compareTo(maxBackoff) > 0 ? maxBackoff : wait;
  }
}
