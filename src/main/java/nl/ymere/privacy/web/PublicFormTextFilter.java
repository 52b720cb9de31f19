package nl.ymere.privacy.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The public forms ({@code /verzoek}, {@code /upload}, {@code /inzage}): a submitted field with a control character it
 * may not have ({@link ControlCharacters}) is refused with 400 problem+json naming the field, before Spring Security
 * and the form's controller run, so nothing is stored and no rate-limit slot is used (issue 14 finding 6).
 */
class PublicFormTextFilter extends OncePerRequestFilter {

  private final ObjectMapper objectMapper;

  PublicFormTextFilter(ObjectMapper objectMapper) {
    this.objectMapper = objectMapper;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !HttpMethod.POST.matches(request.getMethod());
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    List<ApiFieldError> errors = new ArrayList<>();
    for (Map.Entry<String, String[]> field : new TreeMap<>(request.getParameterMap()).entrySet()) {
      for (String value : field.getValue()) {
        String problem = ControlCharacters.problem(field.getKey(), value);
        if (problem != null) {
          errors.add(new ApiFieldError(field.getKey(), problem));
          break;
        }
      }
    }
    if (errors.isEmpty()) {
      chain.doFilter(request, response);
      return;
    }
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
        "Het formulier bevat niet toegestane stuurtekens; er is niets opgeslagen.");
    problem.setTitle("Ongeldige invoer");
    problem.setProperty(ApiExceptionHandler.FIELD_ERRORS, errors);
    response.setStatus(HttpStatus.BAD_REQUEST.value());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    response.setCharacterEncoding("UTF-8");
    objectMapper.writeValue(response.getOutputStream(), problem);
  }

  @Configuration
  static class Registration {

    /** After the multipart size check (security.MultipartLimitFilter), before the Spring Security chain. */
    @Bean
    FilterRegistrationBean<PublicFormTextFilter> publicFormTextFilter(ObjectMapper objectMapper) {
      FilterRegistrationBean<PublicFormTextFilter> registration =
          new FilterRegistrationBean<>(new PublicFormTextFilter(objectMapper));
      registration.addUrlPatterns("/verzoek", "/verzoek/*", "/upload/*", "/inzage/*");
      registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER - 1);
      return registration;
    }
  }
}
