package nl.ymere.privacy.support;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * Scans the Camunda engine's runtime and history tables for personal data (DESIGN principle 2, SEC-3): process
 * variables and their history, historic details, DMN inputs and outputs, jobs and job log, incidents, business keys,
 * task names and descriptions, the operation log, comments, attachments, external tasks and every non-deployment
 * byte array (variable values, exception stack traces, attachment contents). Matching is case-insensitive.
 *
 * <pre>{@code
 * assertThat(PersonalDataScan.of(dataSource)
 *     .text("Jan Jansen", "jan.jansen@example.nl")
 *     .postalAddress("Dorpsstraat 1, 1234 AB Amsterdam")
 *     .dateOfBirth(LocalDate.of(1990, 4, 12))
 *     .hits()).isEmpty();
 * }</pre>
 *
 * A hit reads {@code TABLE.COLUMN row <id>: <needle>}, so a failing assertion names where the data leaked. Works on
 * H2 and PostgreSQL: table and column names are looked up through {@link DatabaseMetaData} in the case the database
 * stores them, and only columns that exist are read ({@link #scannedColumns()}).
 */
public final class PersonalDataScan {

  /** Text columns that may carry values, per table (names as Camunda creates them on H2). */
  private static final Map<String, List<String>> TEXT_COLUMNS = textColumns();
  /** Tables whose LONG_ column holds a {@code date} variable's epoch millis, with their type column. */
  private static final Map<String, String> DATE_TYPE_COLUMNS = Map.of(
      "ACT_RU_VARIABLE", "TYPE_",
      "ACT_HI_VARINST", "VAR_TYPE_",
      "ACT_HI_DETAIL", "VAR_TYPE_",
      "ACT_HI_DEC_IN", "VAR_TYPE_",
      "ACT_HI_DEC_OUT", "VAR_TYPE_");
  /** Columns that point into ACT_GE_BYTEARRAY, to say which row a byte array hit belongs to. */
  private static final List<String[]> BYTE_ARRAY_REFERENCES = List.of(
      new String[] {"ACT_RU_VARIABLE", "BYTEARRAY_ID_"},
      new String[] {"ACT_HI_VARINST", "BYTEARRAY_ID_"},
      new String[] {"ACT_HI_DETAIL", "BYTEARRAY_ID_"},
      new String[] {"ACT_HI_DEC_IN", "BYTEARRAY_ID_"},
      new String[] {"ACT_HI_DEC_OUT", "BYTEARRAY_ID_"},
      new String[] {"ACT_RU_JOB", "EXCEPTION_STACK_ID_"},
      new String[] {"ACT_HI_JOB_LOG", "JOB_EXCEPTION_STACK_ID_"},
      new String[] {"ACT_RU_EXT_TASK", "ERROR_DETAILS_ID_"},
      new String[] {"ACT_HI_EXT_TASK_LOG", "ERROR_DETAILS_ID_"},
      new String[] {"ACT_HI_ATTACHMENT", "CONTENT_ID_"});
  private static final List<ZoneId> DATE_ZONES =
      List.of(ZoneOffset.UTC, ZoneId.of("Europe/Amsterdam"), ZoneId.systemDefault());
  private static final Pattern JSON_ESCAPE = Pattern.compile("\\\\u([0-9a-fA-F]{4})");

  private final DataSource dataSource;
  private final List<Needle> needles = new ArrayList<>();

  private PersonalDataScan(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  public static PersonalDataScan of(DataSource dataSource) {
    return new PersonalDataScan(dataSource);
  }

  /** Literal values such as names, e-mail addresses, phone numbers, free text. */
  public PersonalDataScan text(String... values) {
    for (String value : values) {
      needles.add(Needle.text(value, List.of(value)));
    }
    return this;
  }

  /** A postal address as a whole, each comma-separated part, and its postcode with and without the space. */
  public PersonalDataScan postalAddress(String address) {
    Set<String> forms = new LinkedHashSet<>();
    forms.add(address.trim());
    for (String part : address.split(",")) {
      if (part.trim().length() >= 5) {
        forms.add(part.trim());
      }
    }
    Matcher postcode = Pattern.compile("\\b(\\d{4}) ?([A-Za-z]{2})\\b").matcher(address);
    if (postcode.find()) {
      forms.add(postcode.group(1) + " " + postcode.group(2));
      forms.add(postcode.group(1) + postcode.group(2));
    }
    needles.add(Needle.text(address, List.copyOf(forms)));
    return this;
  }

  /**
   * A date of birth: as text in ISO, Dutch and English notations ({@code 1990-04-12}, {@code 12-04-1990},
   * {@code 12/4/1990}, {@code 12 april 1990}, {@code April 12, 1990}, {@code [1990,4,12]} ...), as a {@code date}
   * variable (epoch millis on that day in UTC, Amsterdam or the JVM's zone) and as Java-serialized
   * {@code LocalDate}/{@code java.util.Date} bytes.
   */
  public PersonalDataScan dateOfBirth(LocalDate date) {
    needles.add(Needle.date(date, dateTexts(date), dateBytes(date)));
    return this;
  }

  /** Every hit, sorted; empty when none of the needles occurs in the engine's tables. */
  public List<String> hits() {
    if (needles.isEmpty()) {
      throw new IllegalStateException("nothing to look for: add text, postal addresses or dates of birth");
    }
    Set<String> hits = new TreeSet<>();
    try (Connection connection = dataSource.getConnection()) {
      Map<String, Set<String>> columns = existingColumns(connection);
      scanTextColumns(connection, columns, hits);
      scanDateColumns(connection, columns, hits);
      scanByteArrays(connection, columns, hits);
      scanCommentMessages(connection, columns, hits);
    } catch (SQLException e) {
      throw new IllegalStateException("personal-data scan failed: " + e.getMessage(), e);
    }
    return List.copyOf(hits);
  }

  /** {@code TABLE.COLUMN} of every column this scan is written to read (on Camunda 7.24's schema). */
  static List<String> configuredColumns() {
    List<String> configured = new ArrayList<>();
    TEXT_COLUMNS.forEach((table, columns) -> columns.forEach(column -> configured.add(table + "." + column)));
    DATE_TYPE_COLUMNS.keySet().forEach(table -> configured.add(table + ".LONG_"));
    configured.add("ACT_GE_BYTEARRAY.BYTES_");
    configured.add("ACT_HI_COMMENT.FULL_MSG_");
    return configured.stream().sorted().toList();
  }

  /** {@code TABLE.COLUMN} of every column this scan reads on the given database. */
  public List<String> scannedColumns() {
    try (Connection connection = dataSource.getConnection()) {
      Map<String, Set<String>> columns = existingColumns(connection);
      List<String> scanned = new ArrayList<>();
      TEXT_COLUMNS.forEach((table, wanted) -> wanted.stream()
          .filter(column -> columns.getOrDefault(table, Set.of()).contains(column))
          .forEach(column -> scanned.add(table + "." + column)));
      DATE_TYPE_COLUMNS.keySet().stream()
          .filter(table -> columns.getOrDefault(table, Set.of()).contains("LONG_"))
          .forEach(table -> scanned.add(table + ".LONG_"));
      if (columns.getOrDefault("ACT_GE_BYTEARRAY", Set.of()).contains("BYTES_")) {
        scanned.add("ACT_GE_BYTEARRAY.BYTES_");
      }
      if (columns.getOrDefault("ACT_HI_COMMENT", Set.of()).contains("FULL_MSG_")) {
        scanned.add("ACT_HI_COMMENT.FULL_MSG_");
      }
      return scanned.stream().sorted().toList();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private void scanTextColumns(Connection connection, Map<String, Set<String>> columns, Set<String> hits)
      throws SQLException {
    for (Map.Entry<String, List<String>> entry : TEXT_COLUMNS.entrySet()) {
      String table = entry.getKey();
      List<String> present = entry.getValue().stream()
          .filter(column -> columns.getOrDefault(table, Set.of()).contains(column))
          .toList();
      if (present.isEmpty()) {
        continue;
      }
      // unquoted names: H2 folds them to upper case, PostgreSQL to lower case, as each created them
      String sql = "select ID_, " + String.join(", ", present) + " from " + table;
      try (PreparedStatement statement = connection.prepareStatement(sql);
           ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          String id = rows.getString(1);
          for (int i = 0; i < present.size(); i++) {
            String value = rows.getString(i + 2);
            if (value != null) {
              addTextHits(table + "." + present.get(i) + " row " + id, List.of(value), hits);
            }
          }
        }
      }
    }
  }

  private void scanDateColumns(Connection connection, Map<String, Set<String>> columns, Set<String> hits)
      throws SQLException {
    List<Needle> dates = needles.stream().filter(needle -> needle.date() != null).toList();
    if (dates.isEmpty()) {
      return;
    }
    for (Map.Entry<String, String> entry : DATE_TYPE_COLUMNS.entrySet()) {
      String table = entry.getKey();
      String typeColumn = entry.getValue();
      Set<String> present = columns.getOrDefault(table, Set.of());
      if (!present.contains("LONG_") || !present.contains(typeColumn)) {
        continue;
      }
      String sql = "select ID_, LONG_ from " + table + " where LONG_ is not null and lower(" + typeColumn
          + ") = 'date'";
      try (PreparedStatement statement = connection.prepareStatement(sql);
           ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          Instant instant = Instant.ofEpochMilli(rows.getLong(2));
          for (Needle needle : dates) {
            boolean sameDay = DATE_ZONES.stream()
                .anyMatch(zone -> instant.atZone(zone).toLocalDate().equals(needle.date()));
            if (sameDay) {
              hits.add(table + ".LONG_ row " + rows.getString(1) + ": " + needle.label() + " (date variable)");
            }
          }
        }
      }
    }
  }

  private void scanByteArrays(Connection connection, Map<String, Set<String>> columns, Set<String> hits)
      throws SQLException {
    if (!columns.getOrDefault("ACT_GE_BYTEARRAY", Set.of()).contains("BYTES_")) {
      return;
    }
    // deployment resources (the models) are not personal data; everything else is a value, a stack trace,
    // an attachment or a batch configuration
    String sql = "select ID_, NAME_, BYTES_ from ACT_GE_BYTEARRAY where DEPLOYMENT_ID_ is null";
    Map<String, List<String>> found = new HashMap<>();
    try (PreparedStatement statement = connection.prepareStatement(sql);
         ResultSet rows = statement.executeQuery()) {
      while (rows.next()) {
        byte[] bytes = rows.getBytes(3);
        if (bytes != null) {
          List<String> matched = matches(bytes);
          if (!matched.isEmpty()) {
            found.put(rows.getString(1), matched);
          }
        }
      }
    }
    for (Map.Entry<String, List<String>> entry : found.entrySet()) {
      List<String> owners = byteArrayOwners(connection, columns, entry.getKey());
      if (owners.isEmpty()) {
        owners = List.of("ACT_GE_BYTEARRAY.BYTES_ row " + entry.getKey());
      }
      for (String owner : owners) {
        entry.getValue().forEach(needle -> hits.add(owner + ": " + needle));
      }
    }
  }

  private void scanCommentMessages(Connection connection, Map<String, Set<String>> columns, Set<String> hits)
      throws SQLException {
    if (!columns.getOrDefault("ACT_HI_COMMENT", Set.of()).contains("FULL_MSG_")) {
      return;
    }
    try (PreparedStatement statement = connection.prepareStatement("select ID_, FULL_MSG_ from ACT_HI_COMMENT");
         ResultSet rows = statement.executeQuery()) {
      while (rows.next()) {
        byte[] bytes = rows.getBytes(2);
        if (bytes != null) {
          String where = "ACT_HI_COMMENT.FULL_MSG_ row " + rows.getString(1);
          matches(bytes).forEach(needle -> hits.add(where + ": " + needle));
        }
      }
    }
  }

  private static List<String> byteArrayOwners(Connection connection, Map<String, Set<String>> columns,
      String byteArrayId) throws SQLException {
    List<String> owners = new ArrayList<>();
    for (String[] reference : BYTE_ARRAY_REFERENCES) {
      String table = reference[0];
      String column = reference[1];
      if (!columns.getOrDefault(table, Set.of()).contains(column)) {
        continue;
      }
      String sql = "select ID_ from " + table + " where " + column + " = ?";
      try (PreparedStatement statement = connection.prepareStatement(sql)) {
        statement.setString(1, byteArrayId);
        try (ResultSet rows = statement.executeQuery()) {
          while (rows.next()) {
            owners.add(table + "." + column + " row " + rows.getString(1) + " (ACT_GE_BYTEARRAY " + byteArrayId
                + ")");
          }
        }
      }
    }
    return owners;
  }

  private void addTextHits(String where, List<String> texts, Set<String> hits) {
    for (Needle needle : needles) {
      String form = needle.firstTextFormIn(texts);
      if (form != null) {
        hits.add(where + ": " + needle.describe(form));
      }
    }
  }

  /** The needles found in a byte array, decoded as UTF-8 (also Java-serialized strings), JSON and UTF-16. */
  private List<String> matches(byte[] bytes) {
    String utf8 = new String(bytes, StandardCharsets.UTF_8);
    List<String> texts = List.of(utf8, unescapeJson(utf8), new String(bytes, StandardCharsets.UTF_16BE));
    List<String> matched = new ArrayList<>();
    for (Needle needle : needles) {
      String form = needle.firstTextFormIn(texts);
      if (form != null) {
        matched.add(needle.describe(form));
      } else if (needle.binaryForms().stream().anyMatch(pattern -> indexOf(bytes, pattern) >= 0)) {
        matched.add(needle.label() + " (serialized date)");
      }
    }
    return matched;
  }

  /** Column names per engine table, upper case, for the tables this scan knows. */
  private static Map<String, Set<String>> existingColumns(Connection connection) throws SQLException {
    DatabaseMetaData meta = connection.getMetaData();
    Set<String> tables = new TreeSet<>(TEXT_COLUMNS.keySet());
    tables.addAll(DATE_TYPE_COLUMNS.keySet());
    tables.add("ACT_GE_BYTEARRAY");
    BYTE_ARRAY_REFERENCES.forEach(reference -> tables.add(reference[0]));
    Map<String, Set<String>> columns = new HashMap<>();
    for (String table : tables) {
      String stored = meta.storesLowerCaseIdentifiers() ? table.toLowerCase(Locale.ROOT) : table;
      try (ResultSet rows = meta.getColumns(null, null, stored, null)) {
        while (rows.next()) {
          columns.computeIfAbsent(table, key -> new TreeSet<>())
              .add(rows.getString("COLUMN_NAME").toUpperCase(Locale.ROOT));
        }
      }
    }
    return columns;
  }

  private static Map<String, List<String>> textColumns() {
    Map<String, List<String>> columns = new java.util.LinkedHashMap<>();
    columns.put("ACT_RU_VARIABLE", List.of("NAME_", "TEXT_", "TEXT2_"));
    columns.put("ACT_HI_VARINST", List.of("NAME_", "TEXT_", "TEXT2_"));
    columns.put("ACT_HI_DETAIL", List.of("NAME_", "TEXT_", "TEXT2_"));
    columns.put("ACT_HI_DEC_IN", List.of("CLAUSE_NAME_", "TEXT_", "TEXT2_"));
    columns.put("ACT_HI_DEC_OUT", List.of("CLAUSE_NAME_", "VAR_NAME_", "TEXT_", "TEXT2_"));
    columns.put("ACT_RU_JOB", List.of("EXCEPTION_MSG_", "HANDLER_CFG_"));
    columns.put("ACT_HI_JOB_LOG", List.of("JOB_EXCEPTION_MSG_", "JOB_DEF_CONFIGURATION_"));
    columns.put("ACT_RU_INCIDENT", List.of("INCIDENT_MSG_", "CONFIGURATION_", "ANNOTATION_"));
    columns.put("ACT_HI_INCIDENT",
        List.of("INCIDENT_MSG_", "CONFIGURATION_", "HISTORY_CONFIGURATION_", "ANNOTATION_"));
    columns.put("ACT_RU_EXECUTION", List.of("BUSINESS_KEY_"));
    columns.put("ACT_HI_PROCINST", List.of("BUSINESS_KEY_", "DELETE_REASON_"));
    columns.put("ACT_RU_TASK", List.of("NAME_", "DESCRIPTION_"));
    columns.put("ACT_HI_TASKINST", List.of("NAME_", "DESCRIPTION_", "DELETE_REASON_"));
    columns.put("ACT_HI_OP_LOG", List.of("ORG_VALUE_", "NEW_VALUE_", "ANNOTATION_"));
    columns.put("ACT_HI_COMMENT", List.of("MESSAGE_"));
    columns.put("ACT_HI_ATTACHMENT", List.of("NAME_", "DESCRIPTION_", "URL_"));
    columns.put("ACT_RU_EXT_TASK", List.of("ERROR_MSG_"));
    columns.put("ACT_HI_EXT_TASK_LOG", List.of("ERROR_MSG_"));
    return columns;
  }

  private static List<String> dateTexts(LocalDate date) {
    Set<String> texts = new LinkedHashSet<>();
    for (String pattern : List.of("yyyy-MM-dd", "dd-MM-yyyy", "d-M-yyyy", "dd/MM/yyyy", "d/M/yyyy", "dd.MM.yyyy",
        "d.M.yyyy", "MM/dd/yyyy", "M/d/yyyy")) {
      texts.add(DateTimeFormatter.ofPattern(pattern, Locale.ROOT).format(date));
    }
    for (Locale locale : List.of(Locale.forLanguageTag("nl-NL"), Locale.ENGLISH)) {
      texts.add(DateTimeFormatter.ofPattern("d MMMM yyyy", locale).format(date));
      texts.add(DateTimeFormatter.ofPattern("d MMM yyyy", locale).format(date));
      texts.add(DateTimeFormatter.ofPattern("MMMM d, yyyy", locale).format(date));
    }
    texts.add("[" + date.getYear() + "," + date.getMonthValue() + "," + date.getDayOfMonth() + "]");
    return List.copyOf(texts);
  }

  private static List<byte[]> dateBytes(LocalDate date) {
    List<byte[]> patterns = new ArrayList<>();
    // java.time.Ser block data of a LocalDate: type 3, int year, byte month, byte day
    patterns.add(ByteBuffer.allocate(7).put((byte) 3).putInt(date.getYear())
        .put((byte) date.getMonthValue()).put((byte) date.getDayOfMonth()).array());
    // java.util.Date writes its epoch millis; a date of birth is usually midnight in one of these zones
    for (ZoneId zone : DATE_ZONES) {
      patterns.add(ByteBuffer.allocate(8).putLong(date.atStartOfDay(zone).toInstant().toEpochMilli()).array());
    }
    return patterns;
  }

  private static String unescapeJson(String text) {
    return JSON_ESCAPE.matcher(text)
        .replaceAll(match -> Matcher.quoteReplacement(String.valueOf((char) Integer.parseInt(match.group(1), 16))));
  }

  private static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i <= haystack.length - needle.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  private record Needle(String label, List<String> textForms, List<byte[]> binaryForms, LocalDate date) {

    static Needle text(String value, List<String> forms) {
      if (value == null || value.isBlank()) {
        throw new IllegalArgumentException("a needle must not be blank");
      }
      return new Needle(value, forms, List.of(), null);
    }

    static Needle date(LocalDate date, List<String> forms, List<byte[]> binary) {
      return new Needle(date.toString(), forms, binary, date);
    }

    String firstTextFormIn(List<String> texts) {
      for (String text : texts) {
        String lower = text.toLowerCase(Locale.ROOT);
        for (String form : textForms) {
          if (lower.contains(form.toLowerCase(Locale.ROOT))) {
            return form;
          }
        }
      }
      return null;
    }

    String describe(String form) {
      return form.equals(label) ? label : form + " (" + label + ")";
    }

    @Override
    public String toString() {
      return label + " " + textForms + " " + binaryForms.stream().map(Arrays::toString).toList();
    }
  }
}
