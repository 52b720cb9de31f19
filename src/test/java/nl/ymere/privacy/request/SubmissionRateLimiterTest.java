package nl.ymere.privacy.request;

import nl.ymere.privacy.support.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The per-address limit of the public form: sliding window, refunds, bounded memory, IPv6 per /64. */
class SubmissionRateLimiterTest {

  private final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T09:00:00Z"));

  private SubmissionRateLimiter limiter(int max, Duration window, int maxAddresses) {
    return new SubmissionRateLimiter(new WebFormProperties(max, window, maxAddresses, "https://example.org"), clock);
  }

  @Test
  void allowsTheMaximumPerWindowThenRefusesUntilTheOldestLeavesTheWindow() {
    SubmissionRateLimiter limiter = limiter(3, Duration.ofMinutes(10), 100);
    assertThat(limiter.tryAcquire("203.0.113.1")).isTrue();
    clock.advance(Duration.ofMinutes(4));
    assertThat(limiter.tryAcquire("203.0.113.1")).isTrue();
    assertThat(limiter.tryAcquire("203.0.113.1")).isTrue();
    assertThat(limiter.tryAcquire("203.0.113.1")).isFalse();
    assertThat(limiter.tryAcquire("203.0.113.2")).as("another address").isTrue();

    clock.advance(Duration.ofMinutes(6).minusSeconds(1));
    assertThat(limiter.tryAcquire("203.0.113.1")).as("first one still inside the window").isFalse();
    clock.advance(Duration.ofSeconds(1));
    assertThat(limiter.tryAcquire("203.0.113.1")).as("first one left the window").isTrue();
    assertThat(limiter.tryAcquire("203.0.113.1")).isFalse();
  }

  @Test
  void aReleasedSubmissionGoesBackIntoTheBudget() {
    SubmissionRateLimiter limiter = limiter(1, Duration.ofMinutes(10), 100);
    assertThat(limiter.tryAcquire("203.0.113.1")).isTrue();
    limiter.release("203.0.113.1");
    assertThat(limiter.tryAcquire("203.0.113.1")).isTrue();
    assertThat(limiter.tryAcquire("203.0.113.1")).isFalse();
    limiter.release("198.51.100.9"); // never seen: nothing happens
  }

  @Test
  void remembersAtMostTheConfiguredNumberOfAddressesForgettingTheLeastRecentlySeen() {
    SubmissionRateLimiter limiter = limiter(1, Duration.ofMinutes(10), 2);
    assertThat(limiter.tryAcquire("203.0.113.1")).isTrue();
    assertThat(limiter.tryAcquire("203.0.113.2")).isTrue();
    assertThat(limiter.tryAcquire("203.0.113.1")).isFalse(); // .1 is now the most recently seen
    assertThat(limiter.tryAcquire("203.0.113.3")).isTrue();  // evicts .2

    assertThat(limiter.trackedAddresses()).isEqualTo(2);
    assertThat(limiter.tryAcquire("203.0.113.1")).as("still remembered").isFalse();
    assertThat(limiter.tryAcquire("203.0.113.2")).as("forgotten, so a fresh budget").isTrue();
    assertThat(limiter.trackedAddresses()).isEqualTo(2);
  }

  @Test
  void countsIpv6AddressesPerSlash64() {
    assertThat(SubmissionRateLimiter.keyOf("2001:db8:1:2:aaaa:bbbb:cccc:dddd"))
        .isEqualTo(SubmissionRateLimiter.keyOf("2001:db8:1:2::1")).isEqualTo("2001:db8:1:2:0:0:0:0/64");
    assertThat(SubmissionRateLimiter.keyOf("2001:db8:1:3::1")).isNotEqualTo(SubmissionRateLimiter.keyOf("2001:db8:1:2::1"));
    assertThat(SubmissionRateLimiter.keyOf("203.0.113.7")).isEqualTo("203.0.113.7");
    assertThat(SubmissionRateLimiter.keyOf(null)).isEqualTo("unknown");

    SubmissionRateLimiter limiter = limiter(1, Duration.ofMinutes(10), 100);
    assertThat(limiter.tryAcquire("2001:db8:1:2::1")).isTrue();
    assertThat(limiter.tryAcquire("2001:db8:1:2::99")).isFalse();
  }

  @Test
  void refusesSettingsThatWouldSwitchTheLimitOff() {
    assertThatThrownBy(() -> new WebFormProperties(0, Duration.ofMinutes(10), 10, "x"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new WebFormProperties(5, Duration.ZERO, 10, "x"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new WebFormProperties(5, Duration.ofMinutes(10), 0, "x"))
        .isInstanceOf(IllegalArgumentException.class);
  }

}
