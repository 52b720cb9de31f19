package nl.ymere.privacy.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code privacy.security.*}: admin password and the key of encrypted stores. */
@ConfigurationProperties("privacy.security")
public record SecurityProperties(String encryptionKey, String adminPassword) {
}
