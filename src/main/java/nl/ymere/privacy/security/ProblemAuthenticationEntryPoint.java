package nl.ymere.privacy.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import nl.ymere.privacy.web.DatabaseUnavailable;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.stereotype.Component;

/**
 * 401 as RFC 9457 problem+json with a Basic challenge, for API clients (DESIGN principle 7); 429 with
 * {@code Retry-After} for a login attempt during a delay of the {@link LoginThrottle}.
 */
@Component
class ProblemAuthenticationEntryPoint implements AuthenticationEntryPoint {

  private final ObjectMapper objectMapper;

  ProblemAuthenticationEntryPoint(ObjectMapper objectMapper) {
    this.objectMapper = objectMapper;
  }

  @Override
  public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
      throws IOException {
    if (e instanceof CamundaIdentityAuthenticationProvider.DatabaseUnavailableAuthenticationException) {
      response.setHeader("Retry-After", String.valueOf(DatabaseUnavailable.RETRY_AFTER_SECONDS));
      ProblemResponses.write(objectMapper, response, HttpStatus.SERVICE_UNAVAILABLE, DatabaseUnavailable.TITLE,
          DatabaseUnavailable.DETAIL);
      return;
    }
    if (e instanceof LoginThrottledException throttled) {
      response.setHeader("Retry-After", String.valueOf(throttled.retryAfterSeconds()));
      ProblemResponses.write(objectMapper, response, HttpStatus.TOO_MANY_REQUESTS, "Te veel mislukte inlogpogingen",
          throttled.getMessage());
      return;
    }
    response.setHeader("WWW-Authenticate", "Basic realm=\"privacy\"");
    ProblemResponses.write(objectMapper, response, HttpStatus.UNAUTHORIZED,
        "Authentication required", "Log in with a user name and password (HTTP Basic).");
  }
}
