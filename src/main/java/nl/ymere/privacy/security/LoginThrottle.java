package nl.ymere.privacy.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Slows down password guessing without letting anyone lock an account (issue 14 finding 6). The engine's own lock
 * (10 wrong passwords, then only an admin could unlock) is off ({@code loginMaxAttempts} in application.yml); instead
 * wrong passwords are counted per user and per client address. Past the free failures
 * ({@link LoginProperties}) every further failure makes the next attempt of that user, or from that address, wait:
 * 1 s, 2 s, 4 s … at most 5 min by default, and the counter is forgotten 15 minutes after its last failure, so every
 * delay ends by itself. An attempt during a delay is refused without checking the password and does not count.
 *
 * <p>An address from which the user logged in successfully within the last 30 days is exempt from the user's delay
 * (not from the address's own): an attacker elsewhere who guesses a user's password slows down only himself and
 * every other new address, never the real user at their usual workplace.
 *
 * <p>Counters live in memory on this node (each node of a cluster counts its own attempts); memory is bounded by
 * {@code max-tracked} entries per map. The clock is the product's clock (the engine's), so tests can move it.
 */
@Component
public class LoginThrottle {

  private record Failures(int count, Instant last) {
  }

  private final LoginProperties properties;
  private final Clock clock;
  private final Map<String, Failures> byUser;
  private final Map<String, Failures> byAddress;
  private final Map<String, Instant> knownAddresses;

  LoginThrottle(LoginProperties properties, Clock clock) {
    this.properties = properties;
    this.clock = clock;
    this.byUser = bounded(properties.maxTracked());
    this.byAddress = bounded(properties.maxTracked());
    this.knownAddresses = bounded(properties.maxTracked());
  }

  /** How long this attempt has to wait; empty when its password may be checked now. */
  public synchronized Optional<Duration> waitBefore(String user, String address) {
    Instant now = clock.instant();
    Duration wait = remaining(current(byAddress, addressKey(address), now), properties.freeFailuresPerAddress(), now);
    if (!isKnownAddress(user, address, now)) {
      Duration userWait = remaining(current(byUser, userKey(user), now), properties.freeFailuresPerUser(), now);
      wait = userWait.compareTo(wait) > 0 ? userWait : wait;
    }
    return wait.isZero() ? Optional.empty() : Optional.of(wait);
  }

  /** A wrong password (or an unknown user) for {@code user} from {@code address}. */
  public synchronized void failed(String user, String address) {
    Instant now = clock.instant();
    count(byUser, userKey(user), now);
    count(byAddress, addressKey(address), now);
  }

  /**
   * A right password: the address becomes (or stays) one of the user's known addresses. The user's counter is not
   * cleared: an API client logs in with every call, and each call would otherwise give a guesser elsewhere five new
   * free attempts. The counter ends 15 minutes after its last failure.
   */
  public synchronized void succeeded(String user, String address) {
    knownAddresses.put(pairKey(user, address), clock.instant());
  }

  private boolean isKnownAddress(String user, String address, Instant now) {
    Instant lastLogin = knownAddresses.get(pairKey(user, address));
    if (lastLogin != null && now.isAfter(lastLogin.plus(properties.knownAddressPeriod()))) {
      knownAddresses.remove(pairKey(user, address));
      return false;
    }
    return lastLogin != null;
  }

  private Failures current(Map<String, Failures> counters, String key, Instant now) {
    Failures failures = counters.get(key);
    if (failures != null && now.isAfter(failures.last().plus(properties.forgetAfter()))) {
      counters.remove(key);
      return null;
    }
    return failures;
  }

  private void count(Map<String, Failures> counters, String key, Instant now) {
    Failures failures = current(counters, key, now);
    counters.put(key, new Failures(failures == null ? 1 : failures.count() + 1, now));
  }

  private Duration remaining(Failures failures, int free, Instant now) {
    if (failures == null || failures.count() <= free) {
      return Duration.ZERO;
    }
    Instant until = failures.last().plus(delayAfter(failures.count() - free));
    return now.isBefore(until) ? Duration.between(now, until) : Duration.ZERO;
  }

  /** The delay after the {@code n}th failure past the free ones: first-delay doubled n - 1 times, at most max-delay. */
  Duration delayAfter(int n) {
    Duration delay = properties.firstDelay();
    for (int i = 1; i < n && delay.compareTo(properties.maxDelay()) < 0; i++) {
      delay = delay.multipliedBy(2);
    }
    return delay.compareTo(properties.maxDelay()) > 0 ? properties.maxDelay() : delay;
  }

  private static String userKey(String user) {
    return user == null ? "" : user.toLowerCase(Locale.ROOT);
  }

  private static String addressKey(String address) {
    return address == null || address.isBlank() ? "unknown" : address;
  }

  private static String pairKey(String user, String address) {
    return userKey(user) + '\u0000' + addressKey(address);
  }

  private static <V> Map<String, V> bounded(int cap) {
    return new LinkedHashMap<>(16, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
        return size() > cap;
      }
    };
  }
}
