package nl.ymere.privacy.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import nl.ymere.privacy.support.IntegrationTest;
import nl.ymere.privacy.support.MutableClock;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/**
 * HTTP Basic logins against the engine's identity service: a checked password is remembered for the configured
 * time with its groups, a different password is always checked and makes the user checked again, and with no
 * remembering every call is checked.
 */
@IntegrationTest
class CamundaIdentityAuthenticationProviderTest {

  private static final String USER = "login-cache-test";
  private static final String GROUP = "privacy-desk";

  @Autowired IdentityService identityService;

  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-26T09:00:00Z"));

  @BeforeEach
  void createUser() {
    User user = identityService.newUser(USER);
    user.setPassword("first-password");
    identityService.saveUser(user);
    identityService.createMembership(USER, GROUP);
  }

  @AfterEach
  void deleteUser() {
    identityService.deleteMembership(USER, GROUP);
    identityService.deleteUser(USER);
  }

  @Test
  void aCheckedPasswordIsRememberedWithItsGroupsUntilTheTimeIsUp() {
    CamundaIdentityAuthenticationProvider provider = provider(Duration.ofMinutes(1));
    assertThat(groups(provider.authenticate(login("first-password")))).containsExactly(Groups.authority(GROUP));

    changePassword("second-password");
    identityService.deleteMembership(USER, GROUP);
    clock.advance(Duration.ofSeconds(59));
    assertThat(groups(provider.authenticate(login("first-password")))).containsExactly(Groups.authority(GROUP));

    clock.advance(Duration.ofSeconds(1));
    assertThatThrownBy(() -> provider.authenticate(login("first-password")))
        .isInstanceOf(BadCredentialsException.class);
    assertThat(groups(provider.authenticate(login("second-password")))).isEmpty();
    identityService.createMembership(USER, GROUP);
  }

  @Test
  void aDifferentPasswordIsAlwaysCheckedAndTheUserIsCheckedAgainAfterwards() {
    CamundaIdentityAuthenticationProvider provider = provider(Duration.ofMinutes(1));
    provider.authenticate(login("first-password"));
    changePassword("second-password");

    assertThatThrownBy(() -> provider.authenticate(login("wrong-password")))
        .isInstanceOf(BadCredentialsException.class);
    assertThatThrownBy(() -> provider.authenticate(login("first-password")))
        .as("forgotten after the failed check, so the old password meets the identity service")
        .isInstanceOf(BadCredentialsException.class);
    assertThat(provider.authenticate(login("second-password")).isAuthenticated()).isTrue();
  }

  @Test
  void withoutRememberingEveryCallIsChecked() {
    CamundaIdentityAuthenticationProvider provider = provider(Duration.ZERO);
    provider.authenticate(login("first-password"));
    changePassword("second-password");

    assertThatThrownBy(() -> provider.authenticate(login("first-password")))
        .isInstanceOf(BadCredentialsException.class);
  }

  private CamundaIdentityAuthenticationProvider provider(Duration rememberFor) {
    return new CamundaIdentityAuthenticationProvider(identityService, clock,
        new SecurityProperties("unused", "unused", rememberFor));
  }

  private void changePassword(String password) {
    User user = identityService.createUserQuery().userId(USER).singleResult();
    user.setPassword(password);
    identityService.saveUser(user);
  }

  private static Authentication login(String password) {
    return UsernamePasswordAuthenticationToken.unauthenticated(USER, password);
  }

  private static List<String> groups(Authentication authentication) {
    return authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList();
  }
}
