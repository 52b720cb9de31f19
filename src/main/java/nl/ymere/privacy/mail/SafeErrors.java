package nl.ymere.privacy.mail;

import java.util.regex.Pattern;

/**
 * Error text for {@code last_error}, logs and the admin page without any e-mail address (DESIGN principle 2:
 * exception messages are sanitised). SMTP replies often quote the recipient.
 */
final class SafeErrors {

  private static final Pattern ADDRESS = Pattern.compile("[^\\s<>\"'(),;:\\[\\]]+@[^\\s<>\"'(),;:\\[\\]]+");
  private static final int MAX_LENGTH = 1000;

  private SafeErrors() {
  }

  static String describe(Throwable error) {
    StringBuilder text = new StringBuilder();
    Throwable cause = error;
    for (int depth = 0; cause != null && depth < 4; depth++, cause = cause.getCause()) {
      if (depth > 0) {
        text.append(" <- ");
      }
      text.append(cause.getClass().getSimpleName());
      if (cause.getMessage() != null) {
        text.append(": ").append(cause.getMessage());
      }
      if (cause.getCause() == cause) {
        break;
      }
    }
    return sanitise(text.toString());
  }

  static String sanitise(String text) {
    String safe = ADDRESS.matcher(text).replaceAll("[adres]").replaceAll("\\s+", " ").strip();
    return safe.length() <= MAX_LENGTH ? safe : safe.substring(0, MAX_LENGTH - 3) + "...";
  }
}
