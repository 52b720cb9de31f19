package nl.ymere.privacy.mail;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * Renders {@code templates/mail/<name>.html} with Thymeleaf. Every template uses the layout fragment
 * {@code mail/layout :: mail(version, subject, dutch, english)}: Dutch first, English second in one mail, with
 * the organisation header and footer of LET-1. The subject is the rendered {@code <title>}; the template version
 * is the {@code version} the template declares (a content hash when it declares none).
 *
 * <p>Variables every template gets: {@code org} ({@link OrganisationDetails}), {@code sender}, {@code reference}
 * and {@code dates} ({@link MailDates}); the caller's variables come on top but cannot replace these.
 */
@Component
class MailRenderer {

  static final Locale DUTCH = Locale.forLanguageTag("nl-NL");
  static final String LANGUAGE = "nl,en";

  private static final Pattern TEMPLATE_NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,90}");
  private static final Pattern TITLE = Pattern.compile("(?is)<title>(.*?)</title>");
  private static final Pattern VERSION = Pattern.compile("<meta name=\"template-version\" content=\"([^\"]+)\"");
  /** The English-first layout ({@code mail/layout-en}) declares {@code en,nl}; every other mail is {@code nl,en}. */
  private static final Pattern LANGUAGES = Pattern.compile("<meta name=\"template-language\" content=\"([a-z,]+)\"");

  private final ITemplateEngine templateEngine;
  private final OrganisationDetails organisation;
  private final OutboxProperties properties;

  MailRenderer(ITemplateEngine templateEngine, OrganisationDetails organisation, OutboxProperties properties) {
    this.templateEngine = templateEngine;
    this.organisation = organisation;
    this.properties = properties;
  }

  RenderedMail render(String template, String reference, Map<String, ?> variables) {
    if (template == null || !TEMPLATE_NAME.matcher(template).matches()) {
      throw new IllegalArgumentException("Mail template name must be lower-case kebab case: " + template);
    }
    Context context = new Context(DUTCH);
    if (variables != null) {
      variables.forEach(context::setVariable);
    }
    context.setVariable("org", organisation);
    context.setVariable("sender", properties.sender());
    context.setVariable("reference", reference);
    context.setVariable("dates", MailDates.INSTANCE);
    String html = templateEngine.process("mail/" + template, context);
    Matcher languages = LANGUAGES.matcher(html);
    return new RenderedMail(subjectOf(template, html), html, versionOf(template, html),
        languages.find() ? languages.group(1) : LANGUAGE);
  }

  private static String subjectOf(String template, String html) {
    Matcher title = TITLE.matcher(html);
    String subject = title.find() ? HtmlUtils.htmlUnescape(title.group(1)).replaceAll("\\s+", " ").trim() : "";
    if (subject.isEmpty()) {
      throw new IllegalStateException("Mail template " + template + " renders no <title> (the subject)");
    }
    return subject;
  }

  private static String versionOf(String template, String html) {
    Matcher version = VERSION.matcher(html);
    if (version.find()) {
      return HtmlUtils.htmlUnescape(version.group(1));
    }
    try (InputStream source = new ClassPathResource("templates/mail/" + template + ".html").getInputStream()) {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(source.readAllBytes());
      return "sha256:" + HexFormat.of().formatHex(hash, 0, 6);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
