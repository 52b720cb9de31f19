package nl.ymere.privacy.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.autoconfigure.web.servlet.MultipartProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A multipart body over the size limits ({@code spring.servlet.multipart.max-file-size} / {@code max-request-size})
 * on {@code /upload} and {@code /api} answers 413 with a Dutch problem+json (issue 14 finding 6). It used to answer
 * 403: the servlet container gives up parsing the body, so the CSRF filter found no token in it. This filter runs
 * before Spring Security and parses the parts first; a size failure ends the request here, so nothing is stored.
 */
class MultipartLimitFilter extends OncePerRequestFilter {

  private final ObjectMapper objectMapper;
  private final MultipartProperties limits;

  MultipartLimitFilter(ObjectMapper objectMapper, MultipartProperties limits) {
    this.objectMapper = objectMapper;
    this.limits = limits;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String type = request.getContentType();
    return type == null || !type.toLowerCase(Locale.ROOT).startsWith("multipart/");
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    try {
      request.getParts();
    } catch (IllegalStateException | ServletException | IOException e) {
      if (sizeLimit(e)) {
        ProblemResponses.write(objectMapper, response, HttpStatus.PAYLOAD_TOO_LARGE, "Bestand te groot",
            "Het bestand is te groot: hoogstens " + megabytes(limits.getMaxFileSize().toBytes()) + " per bestand en "
                + megabytes(limits.getMaxRequestSize().toBytes()) + " per verzending. Er is niets opgeslagen.");
        return;
      }
      // any other parse failure is left to the endpoint (400 there)
    }
    chain.doFilter(request, response);
  }

  /** Tomcat's FileUpload size exceptions ({@code FileSizeLimitExceededException}, {@code SizeLimitExceededException}). */
  private static boolean sizeLimit(Throwable thrown) {
    for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t.getClass().getSimpleName().endsWith("SizeLimitExceededException")
          || t.getClass().getSimpleName().equals("MaxUploadSizeExceededException")) {
        return true;
      }
    }
    return false;
  }

  private static String megabytes(long bytes) {
    return bytes % (1024 * 1024) == 0 ? bytes / (1024 * 1024) + " MB" : bytes + " bytes";
  }

  @Configuration
  static class Registration {

    /** Before the Spring Security chain, so the CSRF check never meets a body the container refused to parse. */
    @Bean
    FilterRegistrationBean<MultipartLimitFilter> multipartLimitFilter(ObjectMapper objectMapper,
        MultipartProperties limits) {
      FilterRegistrationBean<MultipartLimitFilter> registration =
          new FilterRegistrationBean<>(new MultipartLimitFilter(objectMapper, limits));
      registration.addUrlPatterns("/upload/*", "/api/*");
      registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER - 2);
      return registration;
    }
  }
}
