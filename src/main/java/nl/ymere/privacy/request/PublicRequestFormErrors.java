package nl.ymere.privacy.request;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.ymere.privacy.web.ApiFieldError;

/**
 * Field problems of the public form as message codes ({@code webform.error.<field>.<kind>}), one per field, in the
 * order of the form. The service's problems ({@link ApiFieldError}, dotted paths of the API such as
 * {@code requester.email}) are mapped onto the form's fields; their English wording decides the kind.
 */
class PublicRequestFormErrors {

  /** The form's fields in page order: the error summary follows it. */
  static final List<String> FIELDS = List.of("right", "objectionScope", "requesterName", "requesterEmail", "requesterPostalAddress",
      "requesterDateOfBirth", "representation", "subjectName", "subjectDateOfBirth", "description");

  /** A problem not tied to a field of the form. */
  static final String GENERAL = "form";

  private static final Map<String, String> API_TO_FORM = Map.ofEntries(
      Map.entry("right", "right"),
      Map.entry("requester", "requesterName"),
      Map.entry("requester.name", "requesterName"),
      Map.entry("requester.email", "requesterEmail"),
      Map.entry("requester.postalAddress", "requesterPostalAddress"),
      Map.entry("requester.dateOfBirth", "requesterDateOfBirth"),
      Map.entry("dataSubject", "subjectName"),
      Map.entry("dataSubject.name", "subjectName"),
      Map.entry("dataSubject.dateOfBirth", "subjectDateOfBirth"),
      Map.entry("description", "description"),
      // a complaint filed on the form (PublicComplaintIntake, issue 19)
      Map.entry("complainant", "requesterName"),
      Map.entry("complainant.name", "requesterName"),
      Map.entry("complainant.email", "requesterEmail"),
      Map.entry("complainant.postalAddress", "requesterPostalAddress"));

  private final Map<String, String> codes = new LinkedHashMap<>();

  /** Keeps the first problem of a field (the one found by the form itself before the service's). */
  void add(String field, String kind) {
    codes.putIfAbsent(field, GENERAL.equals(field) ? "webform.error.form" : "webform.error." + field + "." + kind);
  }

  void addAll(List<ApiFieldError> apiErrors) {
    for (ApiFieldError error : apiErrors) {
      String field = API_TO_FORM.get(error.field());
      // Fields the form does not have (channel, receivedAt, language) are set by the controller: a problem there
      // is a programming error, shown as a general one.
      add(field == null ? GENERAL : field, kindOf(error.message()));
    }
  }

  static String kindOf(String apiMessage) {
    String message = apiMessage == null ? "" : apiMessage;
    if (message.contains("e-mail address or a postal address")) {
      return "emailOrAddress";
    }
    if (message.startsWith("is required")) {
      return "required";
    }
    if (message.contains("longer than")) {
      return "tooLong";
    }
    if (message.contains("future")) {
      return "future";
    }
    return "invalid";
  }

  boolean isEmpty() {
    return codes.isEmpty();
  }

  boolean has(String field) {
    return codes.containsKey(field);
  }

  /** Field → message code, in page order (a general problem last). */
  Map<String, String> codes() {
    Map<String, String> ordered = new LinkedHashMap<>();
    List<String> order = new ArrayList<>(FIELDS);
    order.add(GENERAL);
    for (String field : order) {
      if (codes.containsKey(field)) {
        ordered.put(field, codes.get(field));
      }
    }
    return ordered;
  }
}
