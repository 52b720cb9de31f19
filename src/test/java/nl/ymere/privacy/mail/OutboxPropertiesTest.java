package nl.ymere.privacy.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class OutboxPropertiesTest {

  private final OutboxProperties properties = new OutboxProperties("Ymere Privacy <privacy@ymere.nl>",
      Duration.ofSeconds(5), 20, 12, Duration.ofSeconds(30), Duration.ofMinutes(10), true, Duration.ofMinutes(5),
      6, Duration.ofMillis(200));

  @Test
  void backoffDoublesAfterEveryFailedAttempt() {
    assertThat(properties.backoffAfter(1)).isEqualTo(Duration.ofSeconds(30));
    assertThat(properties.backoffAfter(2)).isEqualTo(Duration.ofSeconds(60));
    assertThat(properties.backoffAfter(3)).isEqualTo(Duration.ofSeconds(120));
    assertThat(properties.backoffAfter(5)).isEqualTo(Duration.ofSeconds(480));
  }

  @Test
  void backoffIsCappedAtMaxBackoff() {
    assertThat(properties.backoffAfter(6)).isEqualTo(Duration.ofMinutes(10));
    assertThat(properties.backoffAfter(1000)).isEqualTo(Duration.ofMinutes(10));
  }
}
