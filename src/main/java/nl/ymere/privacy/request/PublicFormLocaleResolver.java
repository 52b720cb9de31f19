package nl.ymere.privacy.request;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver;

/**
 * The language of the public request pages ({@code /verzoek...}): Dutch, unless the {@code lang} parameter (query or
 * posted field) is {@code en}. Explicit and stateless: the pages carry the choice in their links and form. Every other
 * page keeps Spring's default resolution from the {@code Accept-Language} header.
 */
class PublicFormLocaleResolver implements LocaleResolver {

  static final Locale DUTCH = Locale.forLanguageTag("nl-NL");
  static final String PATH = "/verzoek";
  static final String PARAMETER = "lang";

  private final LocaleResolver otherPages = new AcceptHeaderLocaleResolver();

  @Override
  public Locale resolveLocale(HttpServletRequest request) {
    if (!isPublicFormPage(request)) {
      return otherPages.resolveLocale(request);
    }
    return "en".equalsIgnoreCase(request.getParameter(PARAMETER)) ? Locale.ENGLISH : DUTCH;
  }

  @Override
  public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
    throw new UnsupportedOperationException("The language follows the lang parameter or the Accept-Language header");
  }

  static boolean isPublicFormPage(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    return path.equals(PATH) || path.startsWith(PATH + "/");
  }

  /** Replaces Spring Boot's default resolver (it backs off for a bean of this name). */
  @Configuration
  static class Registration {

    @Bean(name = DispatcherServlet.LOCALE_RESOLVER_BEAN_NAME)
    LocaleResolver localeResolver() {
      return new PublicFormLocaleResolver();
    }
  }
}
