package nl.ymere.privacy.security;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * The {@code prod} profile refuses to start while demo users are on, the admin password is a default or the
 * encryption key is the shipped default (DESIGN principle 5). Runs before any bean, so nothing is touched;
 * {@link UnsafeProductionSettingsFailureAnalyzer} prints the reason as one line.
 */
public class ProductionSafetyCheck implements EnvironmentPostProcessor {

  static final String DEFAULT_ENCRYPTION_KEY = "ZGVtby1rZXktbm90LWZvci1wcm9kdWN0aW9uLXVzZSE=";
  static final Set<String> DEFAULT_PASSWORDS = Set.of("", "demo", "admin", "password", "changeit", "camunda");

  @Override
  public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
    if (!Arrays.asList(environment.getActiveProfiles()).contains("prod")) {
      return;
    }
    List<String> problems = new ArrayList<>();
    if (environment.getProperty("privacy.demo.users-enabled", Boolean.class, false)) {
      problems.add("demo users are on (privacy.demo.users-enabled=true)");
    }
    if (environment.getActiveProfiles().length > 0
        && Arrays.asList(environment.getActiveProfiles()).contains("demo")) {
      problems.add("the demo profile is active");
    }
    String adminPassword = environment.getProperty("privacy.security.admin-password", "");
    if (DEFAULT_PASSWORDS.contains(adminPassword.toLowerCase())) {
      problems.add("the admin password is a default (set PRIVACY_ADMIN_PASSWORD)");
    }
    String key = environment.getProperty("privacy.security.encryption-key", "");
    if (key.isBlank() || DEFAULT_ENCRYPTION_KEY.equals(key)) {
      problems.add("the encryption key is the default (set PRIVACY_ENCRYPTION_KEY)");
    }
    if (!problems.isEmpty()) {
      throw new UnsafeProductionSettingsException(
          "Refusing to start the prod profile: " + String.join("; ", problems) + ".");
    }
  }
}
