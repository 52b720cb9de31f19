package nl.ymere.privacy.workbench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The filters of a workbench list as typed in the address bar: an unknown status or term is told in Dutch (and the
 * list answers 400) instead of being ignored or failing (issue 16 item 3).
 */
final class FilterProblems {

  private final List<String> problems = new ArrayList<>();

  /** The constant named {@code value}, null for none; an unknown name is a problem. */
  <E extends Enum<E>> E enumOf(Class<E> type, String value, String what) {
    if (value == null || value.isBlank()) {
      return null;
    }
    E found = Arrays.stream(type.getEnumConstants()).filter(e -> e.name().equals(value.strip())).findFirst()
        .orElse(null);
    if (found == null) {
      problems.add("Onbekende " + what + " '" + shortened(value) + "': kies er een uit de lijst.");
    }
    return found;
  }

  /** One of the allowed terms, or null for none; another value is a problem. */
  String termOf(String value, List<String> allowed) {
    if (value == null || value.isBlank()) {
      return null;
    }
    if (!allowed.contains(value.strip())) {
      problems.add("Onbekende termijn '" + shortened(value) + "': kies er een uit de lijst.");
      return null;
    }
    return value.strip();
  }

  String text(String q) {
    if (q == null || q.isBlank()) {
      return null;
    }
    if (q.length() > 200) {
      problems.add("De zoektekst is langer dan 200 tekens.");
      return null;
    }
    return q.strip();
  }

  List<String> list() {
    return List.copyOf(problems);
  }

  boolean any() {
    return !problems.isEmpty();
  }

  private static String shortened(String value) {
    String text = value.strip();
    return text.length() > 40 ? text.substring(0, 40) + "…" : text;
  }
}
