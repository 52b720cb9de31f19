package nl.ymere.privacy.personaldata;

import java.sql.Date;
import java.util.ArrayList;
import java.util.List;

/**
 * The SQL condition that matches a {@link SubjectKey} on the identifier columns one table holds (null = the table
 * does not hold it). Names are compared case-insensitively and only together with the date of birth.
 */
record SubjectMatch(String condition, List<Object> arguments) {

  static SubjectMatch of(SubjectKey key, String tenancyColumn, String emailColumn, String nameColumn,
      String dateOfBirthColumn) {
    List<String> parts = new ArrayList<>();
    List<Object> arguments = new ArrayList<>();
    if (tenancyColumn != null && key.hasTenancyNumber()) {
      parts.add(tenancyColumn + " = ?");
      arguments.add(key.tenancyNumber());
    }
    if (emailColumn != null && key.hasEmail()) {
      parts.add("LOWER(" + emailColumn + ") = ?");
      arguments.add(key.email());
    }
    if (nameColumn != null && dateOfBirthColumn != null && key.hasNameAndDateOfBirth()) {
      parts.add("(LOWER(" + nameColumn + ") = LOWER(?) AND " + dateOfBirthColumn + " = ?)");
      arguments.add(key.name());
      arguments.add(Date.valueOf(key.dateOfBirth()));
    }
    return parts.isEmpty() ? null : new SubjectMatch("(" + String.join(" OR ", parts) + ")", arguments);
  }

  Object[] args() {
    return arguments.toArray();
  }
}
