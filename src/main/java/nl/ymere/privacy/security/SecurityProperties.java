package nl.ymere.privacy.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code privacy.security.*}: admin password, the key of encrypted stores, and how long a checked password is
 * trusted without asking the identity service again ({@code login-cache-time}, zero to always ask).
 */
@ConfigurationProperties("privacy.security")
public record SecurityProperties(String encryptionKey, String adminPassword, Duration loginCacheTime) {

  public SecurityProperties {
    loginCacheTime = loginCacheTime == null || loginCacheTime.isNegative() ? Duration.ZERO : loginCacheTime;
  }
}
