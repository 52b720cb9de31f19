package nl.ymere.privacy.retention;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import nl.ymere.privacy.personaldata.PersonalDataSource;
import nl.ymere.privacy.personaldata.PersonalDataSources;
import nl.ymere.privacy.security.Groups;
import nl.ymere.privacy.web.ApiConflictException;
import nl.ymere.privacy.web.ApiFieldError;
import nl.ymere.privacy.web.ApiForbiddenException;
import nl.ymere.privacy.web.ApiNotFoundException;
import nl.ymere.privacy.web.ApiValidationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The retention schedule as data (issue 17 item 1; RET-1, ROP-1), in {@code privacy.retention_schedule}: per source
 * system and data category ({@link PersonalDataSource#retentionCategories()}) the purpose, period, trigger, statutory
 * source, end action and owner group. A change is a proposal that applies from a given day; another person approves
 * it (four eyes, checked here on the product's rows: the proposer cannot approve), and the version it replaces ends
 * the day before. Versions of one category never overlap: a proposal must start after the current version's start,
 * and a category has at most one open proposal.
 */
@Service
public class RetentionSchedule {

  static final int MAX_PURPOSE = 500;
  static final int MAX_STATUTORY = 300;

  private final JdbcTemplate jdbc;
  private final PersonalDataSources sources;
  private final Clock clock;
  private final List<CaseFiles> caseFiles;

  RetentionSchedule(JdbcTemplate jdbc, PersonalDataSources sources, Clock clock, List<CaseFiles> caseFiles) {
    this.caseFiles = List.copyOf(caseFiles);
    this.jdbc = jdbc;
    this.sources = sources;
    this.clock = clock;
  }

  /** Body of {@code POST /api/retention-schedule}: a new version of one category's entry. */
  public record Proposal(String system, String category, String purpose, Integer periodAmount, String periodUnit,
      String trigger, String statutorySource, String endAction, String ownerGroup, LocalDate validFrom) {
  }

  /** One version of one category's entry. */
  public record Entry(long id, String system, String category, int version, String purpose, int periodAmount,
      PeriodUnit periodUnit, RetentionTrigger trigger, String statutorySource, EndAction endAction,
      String ownerGroup, LocalDate validFrom, LocalDate validUntil, String status, String proposedBy,
      Instant proposedAt, String approvedBy, Instant approvedAt) {

    /** The last trigger day whose period has ended on {@code today} (trigger + period ≤ today). */
    public LocalDate latestEndedTrigger(LocalDate today) {
      return periodUnit.latestEndedTrigger(today, periodAmount);
    }

    /** The period in Dutch, e.g. "7 jaar na einde van de huurovereenkomst". */
    public String periodInWords() {
      String unit = switch (periodUnit) {
        case HOURS -> "uur";
        case DAYS -> periodAmount == 1 ? "dag" : "dagen";
        case MONTHS -> periodAmount == 1 ? "maand" : "maanden";
        case YEARS -> "jaar";
      };
      return periodAmount + " " + unit + " na " + trigger.dutch();
    }
  }

  /** A source category as the guard (RET-1) sees it. */
  public record Category(String system, String category) {
  }

  public List<Entry> all() {
    return jdbc.query(SELECT + " ORDER BY source_system, category, version", this::map);
  }

  public Entry entry(long id) {
    return jdbc.query(SELECT + " WHERE id = ?", this::map, id).stream().findFirst()
        .orElseThrow(() -> new ApiNotFoundException("Geen versie van de bewaartermijnen met id " + id + "."));
  }

  /** The approved version that applies to the category on {@code day}, if any. */
  public Optional<Entry> current(String system, String category, LocalDate day) {
    return jdbc.query(SELECT + " WHERE source_system = ? AND category = ? AND status = 'APPROVED' "
            + "AND valid_from <= ? AND (valid_until IS NULL OR valid_until >= ?) ORDER BY version DESC", this::map,
        system, category, Date.valueOf(day), Date.valueOf(day)).stream().findFirst();
  }

  /** The case files of a schedule system (RET-5), if the system is one. */
  Optional<CaseFiles> caseFiles(String system) {
    return caseFiles.stream().filter(files -> files.system().equals(system)).findFirst();
  }

  /** Every category the connected sources store, and every kind of case file (RET-5). */
  public List<Category> categories() {
    List<Category> categories = new ArrayList<>();
    for (PersonalDataSource source : sources.all()) {
      source.retentionCategories().forEach(category -> categories.add(new Category(source.system(), category)));
    }
    // RET-5: the case files (complaints, breaches) have their period after closure in the same schedule
    caseFiles.forEach(files -> categories.add(new Category(files.system(), files.category())));
    return categories;
  }

  /** RET-1 guard: the categories among {@code categories} without an approved entry on {@code day}. */
  public List<Category> withoutEntry(List<Category> categories, LocalDate day) {
    return categories.stream().filter(c -> current(c.system(), c.category(), day).isEmpty()).toList();
  }

  /**
   * Records a proposal (nothing is stored when it is refused).
   *
   * @throws ApiValidationException (400) unknown category, unit, trigger, action or group, negative period, start
   *     in the past
   * @throws ApiConflictException (409) the version would overlap the current one, or a proposal is open already
   */
  @Transactional
  public Entry propose(Proposal proposal, String user) {
    if (proposal == null) {
      throw new ApiValidationException("", "een voorstel is verplicht");
    }
    List<ApiFieldError> errors = new ArrayList<>();
    String system = strip(proposal.system());
    String category = strip(proposal.category());
    if (system == null || category == null) {
      errors.add(new ApiFieldError("category", "systeem en categorie zijn verplicht"));
    } else if (!categories().contains(new Category(system, category))) {
      errors.add(new ApiFieldError("category", "onbekende categorie " + system + "/" + category
          + "; kies een categorie van een bron van persoonsgegevens"));
    }
    String purpose = strip(proposal.purpose());
    if (purpose == null) {
      errors.add(new ApiFieldError("purpose", "is verplicht (RET-1: doel per categorie)"));
    } else if (purpose.length() > MAX_PURPOSE) {
      errors.add(new ApiFieldError("purpose", "is langer dan " + MAX_PURPOSE + " tekens"));
    }
    if (proposal.periodAmount() == null) {
      errors.add(new ApiFieldError("periodAmount", "is verplicht"));
    } else if (proposal.periodAmount() < 0) {
      errors.add(new ApiFieldError("periodAmount", "mag niet negatief zijn"));
    }
    PeriodUnit unit = parse(PeriodUnit.class, proposal.periodUnit(), "periodUnit", errors);
    RetentionTrigger trigger = parse(RetentionTrigger.class, proposal.trigger(), "trigger", errors);
    EndAction action = parse(EndAction.class, proposal.endAction(), "endAction", errors);
    String statutory = strip(proposal.statutorySource());
    if (statutory != null && statutory.length() > MAX_STATUTORY) {
      errors.add(new ApiFieldError("statutorySource", "is langer dan " + MAX_STATUTORY + " tekens"));
    }
    String owner = strip(proposal.ownerGroup());
    if (owner == null || !Groups.FUNCTIONAL.contains(owner)) {
      errors.add(new ApiFieldError("ownerGroup", "kies een groep: " + String.join(", ", Groups.FUNCTIONAL)));
    }
    LocalDate today = LocalDate.now(clock);
    LocalDate validFrom = proposal.validFrom() == null ? today : proposal.validFrom();
    if (validFrom.isBefore(today)) {
      errors.add(new ApiFieldError("validFrom", "ligt in het verleden"));
    }
    if (!errors.isEmpty()) {
      throw new ApiValidationException(errors);
    }
    // one writer per category at a time: the category's rows are locked while the overlap is checked
    List<Entry> versions = jdbc.query(SELECT + " WHERE source_system = ? AND category = ? ORDER BY version FOR UPDATE",
        this::map, system, category);
    if (versions.stream().anyMatch(v -> v.status().equals("PROPOSED"))) {
      throw new ApiConflictException("Voor " + system + "/" + category + " ligt al een voorstel ter goedkeuring; "
          + "keur dat eerst goed.");
    }
    Optional<LocalDate> latestStart = versions.stream().map(Entry::validFrom).max(LocalDate::compareTo);
    if (latestStart.isPresent() && !validFrom.isAfter(latestStart.get())) {
      throw new ApiConflictException("De nieuwe versie overlapt de geldende versie van " + system + "/" + category
          + " (die geldt vanaf " + latestStart.get() + "); kies een latere ingangsdatum.");
    }
    int version = versions.stream().mapToInt(Entry::version).max().orElse(0) + 1;
    long id = insert(system, category, version, purpose, proposal.periodAmount(), unit, trigger, statutory, action,
        owner, validFrom, user, null);
    return entry(id);
  }

  /**
   * Approves a proposal; the previous version ends the day before the new one starts.
   *
   * @throws ApiNotFoundException (404) no such version
   * @throws ApiForbiddenException (403) the approver proposed it (four eyes)
   * @throws ApiConflictException (409) it is approved already
   */
  @Transactional
  public Entry approve(long id, String user) {
    Entry proposal = entry(id);
    if (!proposal.status().equals("PROPOSED")) {
      throw new ApiConflictException("Versie " + proposal.version() + " van " + proposal.system() + "/"
          + proposal.category() + " is al goedgekeurd.");
    }
    if (proposal.proposedBy().equals(user)) {
      throw new ApiForbiddenException("Vier ogen (RET-1): " + user + " stelde deze versie voor en kan haar niet zelf "
          + "goedkeuren; een andere privacy officer keurt goed.");
    }
    int changed = jdbc.update("UPDATE privacy.retention_schedule SET status = 'APPROVED', approved_by = ?, "
        + "approved_at = ? WHERE id = ? AND status = 'PROPOSED' AND proposed_by <> ?", user,
        Timestamp.from(clock.instant()), id, user);
    if (changed != 1) {
      throw new ApiConflictException("Versie " + id + " is intussen gewijzigd; lees haar opnieuw.");
    }
    jdbc.update("UPDATE privacy.retention_schedule SET valid_until = ? WHERE source_system = ? AND category = ? "
            + "AND status = 'APPROVED' AND id <> ? AND valid_until IS NULL",
        Date.valueOf(proposal.validFrom().minusDays(1)), proposal.system(), proposal.category(), id);
    return entry(id);
  }

  /** Seeds an approved first version (demo data, create-if-absent): proposer and approver are two named people. */
  void seed(String system, String category, String purpose, int amount, PeriodUnit unit, RetentionTrigger trigger,
      String statutory, EndAction action, String owner, LocalDate validFrom, String proposedBy, String approvedBy) {
    Integer existing = jdbc.queryForObject("SELECT COUNT(*) FROM privacy.retention_schedule WHERE source_system = ? "
        + "AND category = ?", Integer.class, system, category);
    if (existing != null && existing == 0) {
      insert(system, category, 1, purpose, amount, unit, trigger, statutory, action, owner, validFrom, proposedBy,
          approvedBy);
    }
  }

  private long insert(String system, String category, int version, String purpose, int amount, PeriodUnit unit,
      RetentionTrigger trigger, String statutory, EndAction action, String owner, LocalDate validFrom,
      String proposedBy, String approvedBy) {
    Timestamp now = Timestamp.from(clock.instant());
    jdbc.update("INSERT INTO privacy.retention_schedule (source_system, category, version, purpose, period_amount, "
            + "period_unit, trigger_event, statutory_source, end_action, owner_group, valid_from, status, "
            + "proposed_by, proposed_at, approved_by, approved_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
        system, category, version, purpose, amount, unit.name(), trigger.name(), statutory, action.name(), owner,
        Date.valueOf(validFrom), approvedBy == null ? "PROPOSED" : "APPROVED", proposedBy, now, approvedBy,
        approvedBy == null ? null : now);
    return jdbc.queryForObject("SELECT id FROM privacy.retention_schedule WHERE source_system = ? AND category = ? "
        + "AND version = ?", Long.class, system, category, version);
  }

  private static final String SELECT = "SELECT id, source_system, category, version, purpose, period_amount, "
      + "period_unit, trigger_event, statutory_source, end_action, owner_group, valid_from, valid_until, status, "
      + "proposed_by, proposed_at, approved_by, approved_at FROM privacy.retention_schedule";

  private Entry map(ResultSet rs, int n) throws SQLException {
    return new Entry(rs.getLong("id"), rs.getString("source_system"), rs.getString("category"), rs.getInt("version"),
        rs.getString("purpose"), rs.getInt("period_amount"), PeriodUnit.valueOf(rs.getString("period_unit")),
        RetentionTrigger.valueOf(rs.getString("trigger_event")), rs.getString("statutory_source"),
        EndAction.valueOf(rs.getString("end_action")), rs.getString("owner_group"),
        rs.getDate("valid_from").toLocalDate(),
        rs.getDate("valid_until") == null ? null : rs.getDate("valid_until").toLocalDate(), rs.getString("status"),
        rs.getString("proposed_by"), rs.getTimestamp("proposed_at").toInstant(), rs.getString("approved_by"),
        rs.getTimestamp("approved_at") == null ? null : rs.getTimestamp("approved_at").toInstant());
  }

  private static <E extends Enum<E>> E parse(Class<E> type, String value, String field, List<ApiFieldError> errors) {
    String text = strip(value);
    if (text != null) {
      try {
        return Enum.valueOf(type, text.toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException unknown) {
        // reported below
      }
    }
    List<String> names = java.util.Arrays.stream(type.getEnumConstants()).map(Enum::name).toList();
    errors.add(new ApiFieldError(field, "kies een van " + String.join(", ", names)));
    return null;
  }

  private static String strip(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
