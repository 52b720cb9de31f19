package nl.ymere.privacy.security;

import java.util.List;
import nl.ymere.privacy.web.DatabaseUnavailable;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * One login (DESIGN principle 5): users and passwords are the engine's identity service; each Camunda group
 * becomes an authority {@code GROUP_<id>}.
 *
 * <p>Every login is checked by the identity service, also each HTTP Basic call of an API client: a changed password,
 * group or deleted user takes effect with the next call (issue 14 finding 5; there is no login cache). Wrong
 * passwords are slowed down by the {@link LoginThrottle} per user and per client address (finding 6); the engine's
 * own lock is off.
 */
@Component
class CamundaIdentityAuthenticationProvider implements AuthenticationProvider {

  private final IdentityService identityService;
  private final LoginThrottle throttle;

  CamundaIdentityAuthenticationProvider(IdentityService identityService, LoginThrottle throttle) {
    this.identityService = identityService;
    this.throttle = throttle;
  }

  @Override
  public Authentication authenticate(Authentication authentication) {
    String userId = authentication.getName();
    Object credentials = authentication.getCredentials();
    if (userId == null || userId.isBlank() || credentials == null) {
      throw badCredentials();
    }
    String address = authentication.getDetails() instanceof WebAuthenticationDetails web
        ? web.getRemoteAddress() : null;
    throttle.waitBefore(userId, address).ifPresent(wait -> {
      throw new LoginThrottledException(wait);
    });
    try {
      if (!identityService.checkPassword(userId, credentials.toString())) {
        throttle.failed(userId, address);
        throw badCredentials();
      }
      throttle.succeeded(userId, address);
      List<SimpleGrantedAuthority> authorities = identityService.createGroupQuery().groupMember(userId).list()
          .stream().map(Group::getId).map(Groups::authority).map(SimpleGrantedAuthority::new).toList();
      return UsernamePasswordAuthenticationToken.authenticated(userId, null, authorities);
    } catch (RuntimeException e) {
      if (e instanceof AuthenticationException || !DatabaseUnavailable.causedBy(e)) {
        throw e;
      }
      // issue 15 item 3: the password cannot be checked while the database is away: 503 with Retry-After (the
      // entry point), not a 500 and not a wrong-password count
      throw new DatabaseUnavailableAuthenticationException(e);
    }
  }

  /** The identity service could not be asked because the database is unavailable. */
  static final class DatabaseUnavailableAuthenticationException extends AuthenticationServiceException {
    DatabaseUnavailableAuthenticationException(Throwable cause) {
      super("database unavailable", cause);
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
