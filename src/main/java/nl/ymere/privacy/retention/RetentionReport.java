package nl.ymere.privacy.retention;

import java.sql.Date;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.ymere.privacy.legalhold.LegalHoldRegister;
import nl.ymere.privacy.web.ApiValidationException;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * The yearly retention report (issue 17 item 6; RET-3, RET-4, ROP-1) for privacy officers and the FG: per schedule
 * category what the sweeps of that year destroyed, anonymised, kept back (with the owners' reasons and review dates)
 * and held; the legal holds that run now; and when the next sweep starts (the due date of the sweep's timer in the
 * engine). References and counts only, never content.
 */
@Service
public class RetentionReport {

  static final int FIRST_YEAR = 2000;

  private final JdbcTemplate jdbc;
  private final RetentionSchedule schedule;
  private final LegalHoldRegister holds;
  private final ManagementService managementService;
  private final Clock clock;

  RetentionReport(JdbcTemplate jdbc, RetentionSchedule schedule, LegalHoldRegister holds,
      ManagementService managementService, Clock clock) {
    this.jdbc = jdbc;
    this.schedule = schedule;
    this.holds = holds;
    this.managementService = managementService;
    this.clock = clock;
  }

  /** One category's year. */
  public record CategoryYear(String system, String category, long destroyed, long anonymised, long keptBack,
      long held, List<KeptBack> keptBackReasons) {
  }

  /** An item an owner kept back: the reason, the review date, who, in which sweep (reference of the item only). */
  public record KeptBack(String sweep, String itemId, String reason, LocalDate reviewOn, String keptBackBy) {
  }

  /** A legal hold that runs: no reason text or person, the register has those. */
  public record OpenHold(long id, String kind, String system, String owner, LocalDate reviewOn, String status) {
  }

  public record Report(int year, List<CategoryYear> categories, List<OpenHold> openHolds, Instant nextSweep) {
  }

  /**
   * The report of a year.
   *
   * @throws ApiValidationException (400) the year is missing, not a number, before 2000 or after this year
   */
  public Report of(String yearText) {
    int year = parseYear(yearText);
    Map<String, long[]> counts = new LinkedHashMap<>();
    for (RetentionSchedule.Category category : schedule.categories()) {
      counts.put(category.system() + "/" + category.category(), new long[4]);
    }
    jdbc.query("SELECT i.source_system, i.category, i.decision, COUNT(*) FROM privacy.retention_sweep_item i "
            + "JOIN privacy.retention_sweep s ON s.id = i.sweep_id WHERE s.swept_on >= ? AND s.swept_on < ? "
            + "AND ((i.decision IN ('DESTROY', 'ANONYMISE') AND i.executed_at IS NOT NULL) "
            + "OR i.decision IN ('KEPT_BACK', 'HELD')) GROUP BY i.source_system, i.category, i.decision",
        (java.sql.ResultSet rs) -> {
          long[] c = counts.computeIfAbsent(rs.getString(1) + "/" + rs.getString(2), key -> new long[4]);
          int index = switch (rs.getString(3)) {
            case "DESTROY" -> 0;
            case "ANONYMISE" -> 1;
            case "KEPT_BACK" -> 2;
            default -> 3;
          };
          c[index] += rs.getLong(4);
        }, Date.valueOf(LocalDate.of(year, 1, 1)), Date.valueOf(LocalDate.of(year + 1, 1, 1)));
    Map<String, List<KeptBack>> reasons = new LinkedHashMap<>();
    jdbc.query("SELECT s.reference, i.source_system, i.category, i.item_id, i.keep_reason, i.review_on, "
            + "i.kept_back_by FROM privacy.retention_sweep_item i JOIN privacy.retention_sweep s ON s.id = i.sweep_id "
            + "WHERE s.swept_on >= ? AND s.swept_on < ? AND i.decision = 'KEPT_BACK' ORDER BY i.id",
        (java.sql.ResultSet rs) -> {
          reasons.computeIfAbsent(rs.getString(2) + "/" + rs.getString(3), key -> new ArrayList<>())
              .add(new KeptBack(rs.getString(1), rs.getString(4), rs.getString(5),
                  rs.getDate(6) == null ? null : rs.getDate(6).toLocalDate(), rs.getString(7)));
        }, Date.valueOf(LocalDate.of(year, 1, 1)), Date.valueOf(LocalDate.of(year + 1, 1, 1)));
    List<CategoryYear> categories = new ArrayList<>();
    counts.forEach((key, c) -> {
      String[] parts = key.split("/", 2);
      categories.add(new CategoryYear(parts[0], parts[1], c[0], c[1], c[2], c[3],
          reasons.getOrDefault(key, List.of())));
    });
    List<OpenHold> open = holds.all().stream()
        .filter(h -> h.status().equals("RUNNING") || h.status().equals("RELEASE_PROPOSED"))
        .map(h -> new OpenHold(h.id(), h.kind(), h.scope().system(), h.owner(), h.reviewOn(), h.status()))
        .toList();
    return new Report(year, categories, open, nextSweep());
  }

  /** The report as CSV (semicolon-separated, as Dutch spreadsheets read it): one line per category. */
  public String csv(String yearText) {
    Report report = of(yearText);
    StringBuilder csv = new StringBuilder("jaar;systeem;categorie;vernietigd;geanonimiseerd;tegengehouden;"
        + "bewaarplicht;redenen tegenhouden\n");
    for (CategoryYear c : report.categories()) {
      String why = String.join(" | ", c.keptBackReasons().stream()
          .map(k -> k.itemId() + ": " + k.reason() + " (tot " + k.reviewOn() + ")").toList());
      csv.append(report.year()).append(';').append(cell(c.system())).append(';').append(cell(c.category()))
          .append(';').append(c.destroyed()).append(';').append(c.anonymised()).append(';').append(c.keptBack())
          .append(';').append(c.held()).append(';').append(cell(why)).append('\n');
    }
    return csv.toString();
  }

  /** A CSV cell: quoted when needed; a leading formula character is neutralised (CSV injection). */
  static String cell(String value) {
    String text = value == null ? "" : value.replace("\r", " ").replace("\n", " ");
    if (!text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0) {
      text = "'" + text;
    }
    return text.contains(";") || text.contains("\"") ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
  }

  private Instant nextSweep() {
    return managementService.createJobQuery().processDefinitionKey(RetentionSweepProcess.KEY).timers().list()
        .stream().map(Job::getDuedate).filter(java.util.Objects::nonNull).min(java.util.Date::compareTo)
        .map(java.util.Date::toInstant).orElse(null);
  }

  private int parseYear(String text) {
    int thisYear = LocalDate.now(clock).getYear();
    if (text == null || text.isBlank()) {
      return thisYear;
    }
    try {
      int year = Integer.parseInt(text.strip());
      if (year >= FIRST_YEAR && year <= thisYear) {
        return year;
      }
    } catch (NumberFormatException notANumber) {
      // reported below
    }
    throw new ApiValidationException("year", "is een jaartal van " + FIRST_YEAR + " tot en met " + thisYear);
  }
}
