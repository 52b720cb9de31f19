package nl.ymere.privacy.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import nl.ymere.privacy.support.MutableClock;
import org.junit.jupiter.api.Test;

/** The login throttle's rules with the default settings (issue 14 finding 6), on a clock the test moves. */
class LoginThrottleTest {

  static final String USER = "desk";
  static final String ATTACKER = "203.0.113.9";
  static final String OFFICE = "198.51.100.7";

  private final MutableClock clock = new MutableClock(Instant.parse("2026-12-06T09:00:00Z"));
  private final LoginThrottle throttle = new LoginThrottle(LoginProperties.defaults(), clock);

  @Test
  void fiveFailuresPerUserAreFreeThenTheDelayStartsAtOneSecondAndDoubles() {
    fail(USER, ATTACKER, 5);
    assertThat(throttle.waitBefore(USER, ATTACKER)).isEmpty();

    fail(USER, ATTACKER, 1);
    assertThat(throttle.waitBefore(USER, ATTACKER)).contains(Duration.ofSeconds(1));
    clock.advance(Duration.ofSeconds(1));
    assertThat(throttle.waitBefore(USER, ATTACKER)).isEmpty();

    fail(USER, ATTACKER, 1);
    assertThat(throttle.waitBefore(USER, ATTACKER)).contains(Duration.ofSeconds(2));
    assertThat(throttle.waitBefore(USER, "192.0.2.1")).as("the user's delay, from any unknown address")
        .contains(Duration.ofSeconds(2));
    assertThat(throttle.waitBefore("officer", ATTACKER)).as("another user from the same address").isEmpty();
  }

  @Test
  void theDelayNeverExceedsFiveMinutes() {
    assertThat(throttle.delayAfter(1)).isEqualTo(Duration.ofSeconds(1));
    assertThat(throttle.delayAfter(9)).isEqualTo(Duration.ofSeconds(256));
    assertThat(throttle.delayAfter(10)).isEqualTo(Duration.ofMinutes(5));
    assertThat(throttle.delayAfter(1000)).isEqualTo(Duration.ofMinutes(5));
  }

  @Test
  void everyDelayEndsByItselfAndTheCounterIsForgottenFifteenMinutesAfterTheLastFailure() {
    for (int i = 0; i < 40; i++) {
      fail(USER, ATTACKER, 1);
      clock.advance(throttle.waitBefore(USER, ATTACKER).orElse(Duration.ZERO));
    }
    fail(USER, ATTACKER, 1);
    assertThat(throttle.waitBefore(USER, ATTACKER)).contains(Duration.ofMinutes(5));

    clock.advance(Duration.ofMinutes(5));
    assertThat(throttle.waitBefore(USER, ATTACKER)).as("unlocked automatically, no admin needed").isEmpty();

    clock.advance(Duration.ofMinutes(10).plusSeconds(1));
    fail(USER, "192.0.2.1", 1);
    assertThat(throttle.waitBefore(USER, "192.0.2.1")).as("counting starts again after 15 quiet minutes").isEmpty();
  }

  @Test
  void anAddressTheUserLoggedInFromIsExemptFromTheUsersDelayForThirtyDays() {
    throttle.succeeded(USER, OFFICE);
    fail(USER, ATTACKER, 10);
    assertThat(throttle.waitBefore(USER, ATTACKER)).isPresent();
    assertThat(throttle.waitBefore(USER, OFFICE)).as("the real user at the office").isEmpty();

    clock.advance(Duration.ofDays(30).plusSeconds(1));
    throttle.succeeded(USER, "192.0.2.77");
    fail(USER, ATTACKER, 10);
    assertThat(throttle.waitBefore(USER, OFFICE)).as("no login from the office for over 30 days").isPresent();
    assertThat(throttle.waitBefore(USER, "192.0.2.77")).isEmpty();
  }

  @Test
  void twentyFailuresPerAddressAreFreeWhateverTheUserNamesThenTheAddressWaitsEvenForAKnownUser() {
    throttle.succeeded(USER, ATTACKER);
    for (int i = 0; i < 20; i++) {
      fail("user" + i, ATTACKER, 1);
    }
    assertThat(throttle.waitBefore("someone-else", ATTACKER)).isEmpty();

    fail("user-20", ATTACKER, 1);
    assertThat(throttle.waitBefore("someone-else", ATTACKER)).contains(Duration.ofSeconds(1));
    assertThat(throttle.waitBefore(USER, ATTACKER)).as("known for the user, but the address's own delay holds")
        .contains(Duration.ofSeconds(1));
    assertThat(throttle.waitBefore("someone-else", OFFICE)).isEmpty();
  }

  @Test
  void theRealUsersLoginsGiveAGuesserElsewhereNoNewFreeAttempts() {
    fail(USER, ATTACKER, 5);
    throttle.succeeded(USER, OFFICE);
    fail(USER, ATTACKER, 1);
    assertThat(throttle.waitBefore(USER, ATTACKER)).contains(Duration.ofSeconds(1));
    assertThat(throttle.waitBefore(USER, OFFICE)).isEmpty();
  }

  @Test
  void memoryIsBounded() {
    LoginThrottle small = new LoginThrottle(new LoginProperties(1, 100, null, null, null, null, 3), clock);
    small.failed("a", OFFICE);
    small.failed("a", OFFICE);
    assertThat(small.waitBefore("a", OFFICE)).isPresent();
    for (String other : new String[] {"b", "c", "d"}) {
      small.failed(other, OFFICE);
    }
    assertThat(small.waitBefore("a", OFFICE)).as("the least recently used user was forgotten").isEmpty();
  }

  private void fail(String user, String address, int times) {
    for (int i = 0; i < times; i++) {
      throttle.failed(user, address);
    }
  }
}
