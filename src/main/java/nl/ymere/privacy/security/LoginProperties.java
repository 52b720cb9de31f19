package nl.ymere.privacy.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code privacy.security.login.*}: the login throttle ({@link LoginThrottle}, issue 14 finding 6). The first
 * {@code free-failures-per-user} wrong passwords for a user and {@code free-failures-per-address} from one address
 * cost nothing; each further one makes the next attempt wait, {@code first-delay} doubling up to {@code max-delay}.
 * Counters are forgotten {@code forget-after} the last failure. An address from which the user logged in within
 * {@code known-address-period} is exempt from the user's delay. At most {@code max-tracked} users, addresses and
 * known addresses are remembered each (least recently used forgotten first).
 */
@ConfigurationProperties("privacy.security.login")
public record LoginProperties(Integer freeFailuresPerUser, Integer freeFailuresPerAddress, Duration firstDelay,
    Duration maxDelay, Duration forgetAfter, Duration knownAddressPeriod, Integer maxTracked) {

  public LoginProperties {
    freeFailuresPerUser = freeFailuresPerUser == null ? 5 : freeFailuresPerUser;
    freeFailuresPerAddress = freeFailuresPerAddress == null ? 20 : freeFailuresPerAddress;
    firstDelay = firstDelay == null ? Duration.ofSeconds(1) : firstDelay;
    maxDelay = maxDelay == null ? Duration.ofMinutes(5) : maxDelay;
    forgetAfter = forgetAfter == null ? Duration.ofMinutes(15) : forgetAfter;
    knownAddressPeriod = knownAddressPeriod == null ? Duration.ofDays(30) : knownAddressPeriod;
    maxTracked = maxTracked == null ? 10_000 : maxTracked;
  }

  /** The defaults above. */
  static LoginProperties defaults() {
    return new LoginProperties(null, null, null, null, null, null, null);
  }
}
