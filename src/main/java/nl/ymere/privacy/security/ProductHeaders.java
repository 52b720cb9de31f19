package nl.ymere.privacy.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.web.header.HeaderWriter;
import org.springframework.security.web.util.matcher.AntPathRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Security headers of the product's own pages and APIs (issue 14 finding 6): {@code /verzoek}, {@code /upload},
 * {@code /inzage}, {@code /login}, {@code /werkbank}, {@code /admin}, {@code /api} and {@code /engine-rest} get a
 * Content-Security-Policy that allows scripts, styles, images and form posts from this origin only (the templates
 * carry no inline script or style; their styles are files under {@code /css}), and may not be framed by anyone.
 * Two exceptions:
 * <ul>
 *   <li>{@code /werkbank/taken/**}, a task's case, is shown inside Tasklist in a frame of the same origin (the
 *   Tasklist "Zaak" tab): {@code frame-ancestors 'self'} and {@code X-Frame-Options: SAMEORIGIN}.</li>
 *   <li>{@code /admin/**} shows outgoing letters in a sandboxed {@code srcdoc} frame, which inherits this policy; a
 *   letter carries its styles inline (as mail clients need), so styles may be inline there. Scripts may not.</li>
 * </ul>
 * The Camunda webapps ({@code /camunda/**}) send their own Content-Security-Policy and keep
 * {@code X-Frame-Options: SAMEORIGIN} as before.
 */
final class ProductHeaders implements HeaderWriter {

  static final String CONTENT_SECURITY_POLICY = "Content-Security-Policy";

  private static final String POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
      + "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; "
      + "form-action 'self'; frame-ancestors ";
  static final String PAGE_POLICY = POLICY + "'none'";
  static final String FRAMED_IN_TASKLIST_POLICY = POLICY + "'self'";
  static final String ADMIN_POLICY = PAGE_POLICY.replace("style-src 'self';", "style-src 'self' 'unsafe-inline';");

  private static final RequestMatcher WEBAPPS = new AntPathRequestMatcher("/camunda/**");
  private static final RequestMatcher FRAMED_IN_TASKLIST = new AntPathRequestMatcher("/werkbank/taken/**");
  private static final RequestMatcher ADMIN = new AntPathRequestMatcher("/admin/**");

  @Override
  public void writeHeaders(HttpServletRequest request, HttpServletResponse response) {
    if (WEBAPPS.matches(request)) {
      response.setHeader("X-Frame-Options", "SAMEORIGIN");
      return;
    }
    boolean framed = FRAMED_IN_TASKLIST.matches(request);
    response.setHeader("X-Frame-Options", framed ? "SAMEORIGIN" : "DENY");
    response.setHeader(CONTENT_SECURITY_POLICY,
        framed ? FRAMED_IN_TASKLIST_POLICY : ADMIN.matches(request) ? ADMIN_POLICY : PAGE_POLICY);
    response.setHeader("Referrer-Policy", "same-origin");
    response.setHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=()");
  }
}
