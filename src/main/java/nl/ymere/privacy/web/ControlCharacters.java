package nl.ymere.privacy.web;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The one rule for control characters in text that comes in (issue 14 finding 6: NUL and other control characters
 * were accepted in names and other text): no control character anywhere (NUL, escape, DEL, C1 controls...), except
 * tab, line feed and carriage return in multi-line free-text fields (descriptions, reasons, justifications, notes,
 * addresses). Used by the JSON API ({@link ControlCharacterModule}), the public forms ({@link PublicFormTextFilter})
 * and the form fields of Tasklist and the engine API ({@code process.CurrentUser#text}).
 */
public final class ControlCharacters {

  /** Names of multi-line free-text fields, by their last word (camel case): {@code extensionJustification}, ... */
  private static final Pattern MULTI_LINE = Pattern.compile(".*(description|reason|reasons|reasoning|justification"
      + "|grounds|text|note|notes|comment|advice|statement|address|value|content|decisions|exceptions|items|measures"
      + "|risks|necessity|balancing|incidents|purposes|categories|subjects|view|problem|summary)$");

  /** A Dutch message naming the field when the value holds a control character it may not have, otherwise null. */
  public static String problem(String field, String value) {
    if (value == null) {
      return null;
    }
    boolean multiLine = field != null && MULTI_LINE.matcher(field.toLowerCase(Locale.ROOT)).matches();
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (Character.getType(c) != Character.CONTROL) {
        continue;
      }
      if (multiLine && (c == '\t' || c == '\n' || c == '\r')) {
        continue;
      }
      return "Het veld " + (field == null ? "" : "'" + field + "' ") + "bevat een niet toegestaan stuurteken ("
          + String.format("U+%04X", (int) c) + ")" + (multiLine ? "" : "; regeleinden en tabs horen hier niet")
          + ". Verwijder het en probeer het opnieuw.";
    }
    return null;
  }

  private ControlCharacters() {
  }
}
