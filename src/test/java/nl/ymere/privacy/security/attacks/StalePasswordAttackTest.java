package nl.ymere.privacy.security.attacks;

import static org.assertj.core.api.Assertions.assertThat;

import nl.ymere.privacy.support.IntegrationTest;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

/**
 * Issue 14, finding 5: a changed password kept working for a minute through HTTP Basic, because a login the identity
 * service had accepted was remembered ({@code privacy.security.login-cache-time}). Now every call is checked: the old
 * password is refused with the very next call, and so is a removed group membership.
 */
@IntegrationTest
class StalePasswordAttackTest {

  private static final String USER = "stale-password-test";

  @Autowired IdentityService identityService;
  @Autowired TestRestTemplate rest;

  @BeforeEach
  void createUser() {
    User user = identityService.newUser(USER);
    user.setPassword("old-password");
    identityService.saveUser(user);
    identityService.createMembership(USER, "privacy-desk");
  }

  @AfterEach
  void deleteUser() {
    identityService.deleteUser(USER);
  }

  @Test
  void theOldPasswordIsRefusedWithTheNextCallAfterAChange() {
    assertThat(deadlinesWith("old-password")).isEqualTo(200);

    User user = identityService.createUserQuery().userId(USER).singleResult();
    user.setPassword("new-password");
    identityService.saveUser(user);

    assertThat(deadlinesWith("old-password")).as("the old password, straight after the change").isEqualTo(401);
    assertThat(deadlinesWith("new-password")).isEqualTo(200);
  }

  @Test
  void aRemovedGroupCountsFromTheNextCall() {
    assertThat(requestWith("old-password")).isEqualTo(404);

    identityService.deleteMembership(USER, "privacy-desk");

    assertThat(requestWith("old-password")).as("no longer in privacy-desk").isEqualTo(403);
  }

  private int deadlinesWith(String password) {
    return rest.withBasicAuth(USER, password).getForEntity("/api/deadlines?receivedAt=2026-11-26", String.class)
        .getStatusCode().value();
  }

  private int requestWith(String password) {
    return rest.withBasicAuth(USER, password).getForEntity("/api/requests/AVG-1999-999999", String.class)
        .getStatusCode().value();
  }
}
