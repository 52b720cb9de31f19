package nl.ymere.privacy.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * One login (DESIGN principle 5): users and passwords are the engine's identity service; each Camunda group
 * becomes an authority {@code GROUP_<id>}.
 *
 * <p>API clients send their password with every call (HTTP Basic). A password the identity service accepted is
 * trusted for {@code privacy.security.login-cache-time} with the groups read at that moment, so a busy client does
 * not cost two identity queries per call (issue 4). Only a salted SHA-256 of the password is kept, in memory. A
 * password that does not match the remembered one is always checked by the identity service, so wrong passwords
 * still count towards the engine's lockout, and a failed check forgets the user.
 */
@Component
class CamundaIdentityAuthenticationProvider implements AuthenticationProvider {

  /** Bound of remembered logins; when reached, all are forgotten (users re-check once). */
  static final int MAX_REMEMBERED = 1_000;

  private final IdentityService identityService;
  private final Clock clock;
  private final Duration rememberFor;
  private final byte[] salt = new byte[16];
  private final Map<String, Login> remembered = new ConcurrentHashMap<>();

  private record Login(byte[] passwordHash, List<SimpleGrantedAuthority> authorities, Instant checkedAt) {
  }

  CamundaIdentityAuthenticationProvider(IdentityService identityService, Clock clock,
      SecurityProperties properties) {
    this.identityService = identityService;
    this.clock = clock;
    this.rememberFor = properties.loginCacheTime();
    new SecureRandom().nextBytes(salt);
  }

  @Override
  public Authentication authenticate(Authentication authentication) {
    String userId = authentication.getName();
    Object credentials = authentication.getCredentials();
    if (userId == null || userId.isBlank() || credentials == null) {
      throw badCredentials();
    }
    byte[] passwordHash = hash(userId, credentials.toString());
    Instant now = clock.instant();
    Login login = remembered.get(userId);
    if (login != null && MessageDigest.isEqual(login.passwordHash(), passwordHash) && isFresh(login, now)) {
      return UsernamePasswordAuthenticationToken.authenticated(userId, null, login.authorities());
    }
    if (!identityService.checkPassword(userId, credentials.toString())) {
      remembered.remove(userId);
      throw badCredentials();
    }
    List<SimpleGrantedAuthority> authorities = identityService.createGroupQuery().groupMember(userId).list()
        .stream().map(Group::getId).map(Groups::authority).map(SimpleGrantedAuthority::new).toList();
    if (!rememberFor.isZero()) {
      if (remembered.size() >= MAX_REMEMBERED) {
        remembered.clear();
      }
      remembered.put(userId, new Login(passwordHash, authorities, now));
    }
    return UsernamePasswordAuthenticationToken.authenticated(userId, null, authorities);
  }

  private boolean isFresh(Login login, Instant now) {
    return !now.isBefore(login.checkedAt()) && now.isBefore(login.checkedAt().plus(rememberFor));
  }

  private byte[] hash(String userId, String password) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      digest.update(salt);
      digest.update(userId.getBytes(StandardCharsets.UTF_8));
      digest.update((byte) 0);
      return digest.digest(password.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  private static BadCredentialsException badCredentials() {
    return new BadCredentialsException("Onjuiste gebruikersnaam of wachtwoord");
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
  }
}
