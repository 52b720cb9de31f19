package nl.ymere.privacy.security;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.mock.env.MockEnvironment;

/** The prod profile refuses demo users, a default admin password and the default encryption key (principle 5). */
class ProductionSafetyCheckTest {

  private final ProductionSafetyCheck check = new ProductionSafetyCheck();

  private MockEnvironment prod() {
    MockEnvironment environment = new MockEnvironment();
    environment.setActiveProfiles("prod", "postgres");
    environment.setProperty("privacy.demo.users-enabled", "false");
    environment.setProperty("privacy.security.admin-password", "a-long-and-real-secret");
    environment.setProperty("privacy.security.encryption-key", "c2VjcmV0LWtleS1mb3ItcHJvZHVjdGlvbi11c2UhISE=");
    return environment;
  }

  @Test
  void startsWithRealSettings() {
    assertThatCode(() -> check.postProcessEnvironment(prod(), new SpringApplication())).doesNotThrowAnyException();
  }

  @Test
  void refusesTheDemoSettings() {
    MockEnvironment environment = prod();
    environment.setProperty("privacy.security.admin-password", "demo");
    environment.setProperty("privacy.security.encryption-key", ProductionSafetyCheck.DEFAULT_ENCRYPTION_KEY);
    assertThatThrownBy(() -> check.postProcessEnvironment(environment, new SpringApplication()))
        .isInstanceOf(UnsafeProductionSettingsException.class)
        .hasMessageContaining("admin password is a default")
        .hasMessageContaining("encryption key is the default");
  }

  @Test
  void refusesDemoUsers() {
    MockEnvironment environment = prod();
    environment.setProperty("privacy.demo.users-enabled", "true");
    assertThatThrownBy(() -> check.postProcessEnvironment(environment, new SpringApplication()))
        .hasMessageContaining("demo users are on");
  }

  @Test
  void leavesOtherProfilesAlone() {
    MockEnvironment environment = new MockEnvironment();
    environment.setActiveProfiles("demo");
    assertThatCode(() -> check.postProcessEnvironment(environment, new SpringApplication()))
        .doesNotThrowAnyException();
  }
}
