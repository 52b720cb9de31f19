package nl.ymere.privacy.security;

import java.time.Duration;
import org.springframework.security.core.AuthenticationException;

/**
 * A login attempt during a delay of the {@link LoginThrottle}: the password was not checked. API clients get 429 with
 * {@code Retry-After}, the login page shows the Dutch message.
 */
public class LoginThrottledException extends AuthenticationException {

  private final long retryAfterSeconds;

  LoginThrottledException(Duration wait) {
    super(message(seconds(wait)));
    this.retryAfterSeconds = seconds(wait);
  }

  /** Whole seconds to wait, rounded up, at least 1 (the value of {@code Retry-After}). */
  public long retryAfterSeconds() {
    return retryAfterSeconds;
  }

  private static long seconds(Duration wait) {
    long seconds = wait.toSeconds() + (wait.toNanosPart() > 0 ? 1 : 0);
    return Math.max(1, seconds);
  }

  private static String message(long seconds) {
    return "Te veel mislukte inlogpogingen. Probeer het over " + (seconds == 1 ? "1 seconde" : seconds + " seconden")
        + " opnieuw.";
  }
}
