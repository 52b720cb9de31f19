package nl.ymere.privacy.personaldata;

import java.time.LocalDate;
import java.util.Locale;

/**
 * Who a search is about: name with date of birth and/or e-mail address and/or tenancy number (contract number).
 * Each source matches on the identifiers it holds (ACC-2: the search covers every system); at least one complete
 * identifier is required, and a name alone never identifies anyone. Values are normalised (trimmed; e-mail in lower
 * case) so sources can compare them directly.
 */
public record SubjectKey(String name, LocalDate dateOfBirth, String email, String tenancyNumber) {

  public SubjectKey {
    name = blankToNull(name);
    email = blankToNull(email) == null ? null : email.strip().toLowerCase(Locale.ROOT);
    tenancyNumber = blankToNull(tenancyNumber);
    if (!(name != null && dateOfBirth != null) && email == null && tenancyNumber == null) {
      throw new IllegalArgumentException(
          "a subject key needs name and date of birth, an e-mail address or a tenancy number");
    }
  }

  public static SubjectKey ofTenancy(String tenancyNumber) {
    return new SubjectKey(null, null, null, tenancyNumber);
  }

  public static SubjectKey ofEmail(String email) {
    return new SubjectKey(null, null, email, null);
  }

  public boolean hasNameAndDateOfBirth() {
    return name != null && dateOfBirth != null;
  }

  public boolean hasEmail() {
    return email != null;
  }

  public boolean hasTenancyNumber() {
    return tenancyNumber != null;
  }

  /** Never print the identifiers (SEC-3: logs and exception messages hold no personal data). */
  @Override
  public String toString() {
    return "SubjectKey[name=" + (name != null) + ", dateOfBirth=" + (dateOfBirth != null) + ", email="
        + (email != null) + ", tenancyNumber=" + (tenancyNumber != null) + "]";
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
