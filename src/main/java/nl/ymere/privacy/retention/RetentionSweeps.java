package nl.ymere.privacy.retention;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import nl.ymere.privacy.legalhold.LegalHolds;
import nl.ymere.privacy.mail.OutboxService;
import nl.ymere.privacy.personaldata.PersonalDataSource;
import nl.ymere.privacy.personaldata.PersonalDataSources;
import nl.ymere.privacy.personaldata.RetentionCandidate;
import nl.ymere.privacy.personaldata.SubjectKey;
import nl.ymere.privacy.personaldata.UnknownItemException;
import nl.ymere.privacy.web.ApiConflictException;
import nl.ymere.privacy.web.ApiForbiddenException;
import nl.ymere.privacy.web.ApiNotFoundException;
import nl.ymere.privacy.web.ApiValidationException;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The retention sweep's work on the product's tables (issue 17 item 2; RET-1..RET-4): it builds the destruction list
 * from the schedule and the sources, leaving out (and naming) items under a legal hold or the processing block;
 * records the owner groups' reviews and kept-back items; approves with four eyes (the approver reviewed no part:
 * checked here on {@code retention_sweep_review}, never on process variables); executes the list in bounded batches,
 * each item in its own transaction together with its "done" mark, so a crash leaves no item half-done and a restart
 * resumes; and keeps anonymous counts for statistics (RET-2).
 */
@Service
public class RetentionSweeps {

  /** Rows read from a source or the list at a time: memory stays bounded whatever the list's size. */
  static final int BATCH = 500;
  static final int MAX_REASON = 2000;

  private final JdbcTemplate jdbc;
  private final RetentionSchedule schedule;
  private final PersonalDataSources sources;
  private final LegalHolds legalHolds;
  private final Clock clock;
  private final TransactionTemplate ownTransaction;
  private final RuntimeService runtimeService;
  private final HistoryService historyService;
  private final OutboxService outbox;

  RetentionSweeps(JdbcTemplate jdbc, RetentionSchedule schedule, PersonalDataSources sources, LegalHolds legalHolds,
      Clock clock, PlatformTransactionManager transactionManager, RuntimeService runtimeService,
      HistoryService historyService, OutboxService outbox) {
    this.outbox = outbox;
    this.runtimeService = runtimeService;
    this.historyService = historyService;
    this.jdbc = jdbc;
    this.schedule = schedule;
    this.sources = sources;
    this.legalHolds = legalHolds;
    this.clock = clock;
    this.ownTransaction = new TransactionTemplate(transactionManager);
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  /** A sweep as its page and API show it. */
  public record Sweep(long id, String reference, LocalDate sweptOn, String status, String approvedBy) {
  }

  /** One line of the destruction list (references only). */
  public record Line(long id, String system, String category, String itemId, String ownerGroup, String decision,
      Long legalHoldId, String heldBecause, String keepReason, LocalDate reviewOn, boolean executed) {
  }

  /** Counts of one category in a sweep. */
  public record Count(String system, String category, String decision, long items) {
  }

  public Sweep sweep(String reference) {
    return jdbc.query("SELECT id, reference, swept_on, status, approved_by FROM privacy.retention_sweep "
            + "WHERE reference = ?", (rs, n) -> new Sweep(rs.getLong("id"), rs.getString("reference"),
            rs.getDate("swept_on").toLocalDate(), rs.getString("status"), rs.getString("approved_by")), reference)
        .stream().findFirst()
        .orElseThrow(() -> new ApiNotFoundException("Geen bewaartermijncontrole " + reference + "."));
  }

  /**
   * Opens a sweep for today and builds its destruction list (RET-3). Returns its reference. Items kept back by an
   * owner are left out until their review date; items under a legal hold or the processing block are listed as
   * HELD with the hold, and are not touched.
   */
  public String open(String startedBy) {
    LocalDate today = LocalDate.now(clock);
    String reference = nextReference(today);
    jdbc.update("INSERT INTO privacy.retention_sweep (reference, swept_on, started_by, status) VALUES (?,?,?,?)",
        reference, Date.valueOf(today), startedBy, "LISTED");
    long sweepId = sweep(reference).id();
    List<LegalHolds.Scope> holds = legalHolds.running(today);
    for (RetentionSchedule.Category category : schedule.categories()) {
      Optional<RetentionSchedule.Entry> entry = schedule.current(category.system(), category.category(), today);
      if (entry.isEmpty()) {
        continue; // RET-1: the guard test and the schedule page name it; nothing is destroyed without a rule
      }
      Optional<CaseFiles> files = schedule.caseFiles(category.system());
      if (files.isPresent()) {
        // RET-5: closed case files; a file whose process still runs is not listed (its history cannot go yet)
        list(sweepId, (latest, after, limit) -> files.get().closedOnOrBefore(latest, after, limit).stream()
            .filter(file -> runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(file.itemId())
                .count() == 0).toList(), entry.get(), today, holds);
      } else {
        PersonalDataSource source = sources.source(category.system());
        list(sweepId, (latest, after, limit) -> source.retentionCandidates(entry.get().category(), latest, after,
            limit), entry.get(), today, holds);
      }
    }
    jdbc.update("INSERT INTO privacy.retention_sweep_review (sweep_id, owner_group) SELECT DISTINCT sweep_id, "
        + "owner_group FROM privacy.retention_sweep_item WHERE sweep_id = ? AND decision IN ('DESTROY', 'ANONYMISE')",
        sweepId);
    // nothing to destroy or anonymise (everything held, or nothing due): the sweep is done without a review
    jdbc.update("UPDATE privacy.retention_sweep SET status = 'DONE', executed_at = ? WHERE id = ? AND NOT EXISTS "
        + "(SELECT 1 FROM privacy.retention_sweep_review r WHERE r.sweep_id = ?)", Timestamp.from(clock.instant()),
        sweepId, sweepId);
    return reference;
  }

  /** A page of a category's candidates (a source's items or closed case files), in position order. */
  private interface Candidates {
    List<RetentionCandidate> page(LocalDate latestTrigger, long afterPosition, int limit);
  }

  private void list(long sweepId, Candidates candidates, RetentionSchedule.Entry entry, LocalDate today,
      List<LegalHolds.Scope> holds) {
    Set<String> keptBack = new HashSet<>(jdbc.queryForList("SELECT item_id FROM privacy.retention_sweep_item "
        + "WHERE source_system = ? AND category = ? AND decision = 'KEPT_BACK' AND review_on > ?", String.class,
        entry.system(), entry.category(), Date.valueOf(today)));
    LocalDate latest = entry.latestEndedTrigger(today);
    long after = 0;
    while (true) {
      List<RetentionCandidate> page = candidates.page(latest, after, BATCH);
      if (page.isEmpty()) {
        return;
      }
      List<Object[]> rows = new ArrayList<>();
      for (RetentionCandidate item : page) {
        after = item.position();
        if (keptBack.contains(item.itemId())) {
          continue;
        }
        LegalHolds.Scope hold = holding(holds, entry.system(), item);
        String decision = hold != null || item.restricted() ? "HELD" : entry.endAction().name();
        rows.add(new Object[] {sweepId, entry.system(), entry.category(), item.itemId(), entry.id(),
            entry.ownerGroup(), item.triggerDate().getYear(), decision, hold == null ? null : hold.id(),
            hold != null ? "LEGAL_HOLD" : item.restricted() ? "RESTRICTION" : null});
      }
      jdbc.batchUpdate("INSERT INTO privacy.retention_sweep_item (sweep_id, source_system, category, item_id, "
          + "schedule_entry_id, owner_group, trigger_year, decision, legal_hold_id, held_because) "
          + "VALUES (?,?,?,?,?,?,?,?,?,?)", rows);
    }
  }

  /** RET-4: the running hold that covers the item (same rule as {@link LegalHolds#holding}), or null. */
  static LegalHolds.Scope holding(List<LegalHolds.Scope> holds, String system, RetentionCandidate item) {
    String email = item.subjectEmail() == null ? null : item.subjectEmail().strip().toLowerCase(java.util.Locale.ROOT);
    for (LegalHolds.Scope hold : holds) {
      if ((hold.system() == null || hold.system().equals(system))
          && (hold.itemId() == null || hold.itemId().equals(item.itemId()))
          && (hold.subjectEmail() == null || hold.subjectEmail().equals(email))
          && (hold.subjectTenancyNumber() == null || hold.subjectTenancyNumber().equals(item.tenancyNumber()))) {
        return hold;
      }
    }
    return null;
  }

  private String nextReference(LocalDate today) {
    Integer count = jdbc.queryForObject("SELECT COUNT(*) FROM privacy.retention_sweep WHERE reference LIKE ?",
        Integer.class, "BEW-" + today.getYear() + "-%");
    return "BEW-%d-%04d".formatted(today.getYear(), count + 1);
  }

  /** The owner groups whose part of the list is still to be reviewed. */
  public List<String> openReviews(String reference) {
    return jdbc.queryForList("SELECT owner_group FROM privacy.retention_sweep_review WHERE sweep_id = ? "
        + "AND reviewed_by IS NULL ORDER BY owner_group", String.class, sweep(reference).id());
  }

  /** Every owner group with a part to review (the process's multi-instance collection). */
  public List<String> ownerGroups(String reference) {
    return jdbc.queryForList("SELECT owner_group FROM privacy.retention_sweep_review WHERE sweep_id = ? "
        + "ORDER BY owner_group", String.class, sweep(reference).id());
  }

  /**
   * An owner keeps an item back (RET-3): it is not destroyed now and is listed again from {@code reviewOn}.
   *
   * @throws ApiValidationException no reason, or a review date not after today
   * @throws ApiForbiddenException the user is not in the item's owner group
   * @throws ApiConflictException the owner's review is closed, or the line is not one to destroy
   */
  public Line keepBack(String reference, long lineId, String reason, LocalDate reviewOn, String user,
      Set<String> userGroups) {
    Sweep sweep = sweep(reference);
    Line line = line(sweep.id(), lineId);
    String text = reason == null ? "" : reason.strip();
    if (text.isEmpty() || text.length() > MAX_REASON) {
      throw new ApiValidationException("reason", "is verplicht (ten hoogste " + MAX_REASON + " tekens)");
    }
    if (reviewOn == null || !reviewOn.isAfter(LocalDate.now(clock))) {
      throw new ApiValidationException("reviewOn", "is verplicht en ligt na vandaag");
    }
    if (!userGroups.contains(line.ownerGroup())) {
      throw new ApiForbiddenException("Alleen de eigenaar (" + line.ownerGroup() + ") houdt dit item tegen.");
    }
    int changed = jdbc.update("UPDATE privacy.retention_sweep_item SET decision = 'KEPT_BACK', keep_reason = ?, "
            + "review_on = ?, kept_back_by = ? WHERE id = ? AND sweep_id = ? AND decision IN ('DESTROY', 'ANONYMISE') "
            + "AND EXISTS (SELECT 1 FROM privacy.retention_sweep s JOIN privacy.retention_sweep_review r "
            + "ON r.sweep_id = s.id WHERE s.id = ? AND s.status = 'LISTED' AND r.owner_group = ? "
            + "AND r.reviewed_by IS NULL)",
        text, Date.valueOf(reviewOn), user, lineId, sweep.id(), sweep.id(), line.ownerGroup());
    if (changed != 1) {
      throw new ApiConflictException("Item " + lineId + " kan niet meer worden tegengehouden: de beoordeling van "
          + line.ownerGroup() + " is afgerond of het item staat niet ter vernietiging.");
    }
    return line(sweep.id(), lineId);
  }

  /** The owner group's review is complete (the Tasklist task of the group's part). */
  public void recordReview(String reference, String ownerGroup, String user) {
    Sweep sweep = sweep(reference);
    int changed = jdbc.update("UPDATE privacy.retention_sweep_review SET reviewed_by = ?, reviewed_at = ? "
            + "WHERE sweep_id = ? AND owner_group = ? AND reviewed_by IS NULL AND EXISTS (SELECT 1 FROM "
            + "privacy.retention_sweep s WHERE s.id = ? AND s.status = 'LISTED')", user,
        Timestamp.from(clock.instant()), sweep.id(), ownerGroup, sweep.id());
    if (changed != 1) {
      throw new ApiConflictException("Het deel van " + ownerGroup + " van " + reference
          + " staat niet (meer) ter beoordeling.");
    }
  }

  /**
   * The privacy officer's decision on the whole list (four eyes, RET-3): only when every part is reviewed, and never
   * by someone who reviewed a part.
   */
  public void decide(String reference, boolean approved, String user) {
    Sweep sweep = sweep(reference);
    if (!sweep.status().equals("LISTED")) {
      throw new ApiConflictException("Over " + reference + " is al besloten.");
    }
    if (!openReviews(reference).isEmpty()) {
      throw new ApiConflictException("Nog niet alle eigenaren hebben hun deel van " + reference + " beoordeeld.");
    }
    if (reviewers(sweep.id()).contains(user)) {
      throw new ApiForbiddenException("Vier ogen (RET-3): " + user + " beoordeelde een deel van deze lijst en kan "
          + "haar niet zelf goedkeuren; een andere privacy officer keurt goed.");
    }
    int changed = jdbc.update("UPDATE privacy.retention_sweep SET status = ?, approved_by = ?, approved_at = ? "
            + "WHERE id = ? AND status = 'LISTED'", approved ? "APPROVED" : "REJECTED", user,
        Timestamp.from(clock.instant()), sweep.id());
    if (changed != 1) {
      throw new ApiConflictException("Over " + reference + " is intussen besloten.");
    }
  }

  private List<String> reviewers(long sweepId) {
    return jdbc.queryForList("SELECT reviewed_by FROM privacy.retention_sweep_review WHERE sweep_id = ? "
        + "AND reviewed_by IS NOT NULL", String.class, sweepId);
  }

  /**
   * Destroys or anonymises the approved list through the sources, {@link #BATCH} lines at a time; each item with its
   * done mark in one transaction (idempotent: a restart takes only lines not yet done; an item the source no longer
   * knows counts as done). An item that came under a hold after the approval is left and listed as HELD. Returns the
   * number of items handled now.
   *
   * @throws ApiConflictException the list is not approved with four eyes (checked on the product's rows)
   */
  public int execute(String reference) {
    Sweep sweep = sweep(reference);
    if (sweep.status().equals("DONE")) {
      return 0;
    }
    if (!sweep.status().equals("APPROVED") || sweep.approvedBy() == null || !openReviews(reference).isEmpty()
        || reviewers(sweep.id()).contains(sweep.approvedBy())) {
      throw new ApiConflictException("Vernietigingslijst " + reference + " is niet met vier ogen goedgekeurd.");
    }
    int handled = 0;
    long after = 0;
    while (true) {
      List<Line> batch = jdbc.query(LINE + " WHERE sweep_id = ? AND decision IN ('DESTROY', 'ANONYMISE') "
          + "AND executed_at IS NULL AND id > ? ORDER BY id LIMIT ?", this::mapLine, sweep.id(), after, BATCH);
      if (batch.isEmpty()) {
        break;
      }
      List<LegalHolds.Scope> holds = legalHolds.running(LocalDate.now(clock));
      Map<String, Long> heldPeople = heldBySubject(holds);
      for (Line line : batch) {
        after = line.id();
        if (executeOne(sweep.id(), line, holds, heldPeople)) {
          handled++;
        }
      }
    }
    ownTransaction.executeWithoutResult(status -> {
      if (jdbc.update("UPDATE privacy.retention_sweep SET status = 'DONE', executed_at = ? WHERE id = ? "
          + "AND status = 'APPROVED'", Timestamp.from(clock.instant()), sweep.id()) == 1) {
        // RET-2: anonymous counts only, no link to the list's lines
        jdbc.update("INSERT INTO privacy.retention_statistic (source_system, category, end_action, trigger_year, "
            + "recorded_year, item_count) SELECT source_system, category, decision, trigger_year, ?, COUNT(*) "
            + "FROM privacy.retention_sweep_item WHERE sweep_id = ? AND executed_at IS NOT NULL "
            + "GROUP BY source_system, category, decision, trigger_year", LocalDate.now(clock).getYear(), sweep.id());
      }
    });
    return handled;
  }

  /**
   * RET-4: the items of the people under a running hold (by e-mail address or tenancy number, in every system or the
   * hold's one), by "system/itemId", with the hold. Read per batch, so a hold placed after the approval still keeps
   * the person's items; the sources match the person as an access request would (on any identifier they hold), which
   * errs on the side of keeping.
   */
  private Map<String, Long> heldBySubject(List<LegalHolds.Scope> holds) {
    Map<String, Long> held = new HashMap<>();
    for (LegalHolds.Scope hold : holds) {
      if (hold.itemId() != null || (hold.subjectEmail() == null && hold.subjectTenancyNumber() == null)) {
        continue;
      }
      SubjectKey person = new SubjectKey(null, null, hold.subjectEmail(), hold.subjectTenancyNumber());
      for (PersonalDataSource source : sources.all()) {
        if (hold.system() == null || hold.system().equals(source.system())) {
          source.find(person).forEach(item -> held.putIfAbsent(source.system() + "/" + item.itemId(), hold.id()));
        }
      }
    }
    return held;
  }

  private boolean executeOne(long sweepId, Line line, List<LegalHolds.Scope> holds, Map<String, Long> heldPeople) {
    Optional<CaseFiles> files = schedule.caseFiles(line.system());
    if (files.isPresent()) {
      return destroyCaseFile(sweepId, line, files.get(), holds);
    }
    return Boolean.TRUE.equals(ownTransaction.execute(status -> {
      PersonalDataSource source = sources.source(line.system());
      Optional<Long> hold = source.item(line.itemId()).isEmpty() ? Optional.empty()
          : holds.stream().filter(h -> (h.system() == null || h.system().equals(line.system()))
              && (h.itemId() == null || h.itemId().equals(line.itemId())) && h.subjectEmail() == null
              && h.subjectTenancyNumber() == null).map(LegalHolds.Scope::id).findFirst()
              .or(() -> Optional.ofNullable(heldPeople.get(line.system() + "/" + line.itemId())));
      if (hold.isPresent()) {
        jdbc.update("UPDATE privacy.retention_sweep_item SET decision = 'HELD', legal_hold_id = ?, "
            + "held_because = 'LEGAL_HOLD' WHERE id = ?", hold.get(), line.id());
        return false;
      }
      try {
        if (line.decision().equals("DESTROY")) {
          source.erase(line.itemId());
        } else {
          source.anonymise(line.itemId());
        }
      } catch (UnknownItemException gone) {
        // erased meanwhile (or by an earlier attempt whose mark was lost with its transaction: impossible, same tx)
      }
      return jdbc.update("UPDATE privacy.retention_sweep_item SET executed_at = ? WHERE id = ? AND sweep_id = ? "
          + "AND executed_at IS NULL", Timestamp.from(clock.instant()), line.id(), sweepId) == 1;
    }));
  }

  /**
   * RET-5: destroys a closed case file and its engine history (every historic process instance with the file's
   * reference as business key, with their decision evaluations, through the public HistoryService) in one
   * transaction with the line's done mark. A hold on the file or on all files of its kind that came after the approval
   * keeps it (HELD); so does a process that runs again on the file.
   */
  private boolean destroyCaseFile(long sweepId, Line line, CaseFiles files, List<LegalHolds.Scope> holds) {
    return Boolean.TRUE.equals(ownTransaction.execute(status -> {
      Optional<Long> hold = holds.stream().filter(h -> h.system() != null && h.system().equals(line.system())
          && (h.itemId() == null || h.itemId().equals(line.itemId()))).map(LegalHolds.Scope::id).findFirst();
      boolean running = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(line.itemId())
          .count() > 0;
      if (hold.isPresent() || running) {
        jdbc.update("UPDATE privacy.retention_sweep_item SET decision = 'HELD', legal_hold_id = ?, "
            + "held_because = ? WHERE id = ?", hold.orElse(null), hold.isPresent() ? "LEGAL_HOLD" : "RUNNING",
            line.id());
        return false;
      }
      files.destroy(line.itemId());
      // the file's sent letters and e-mails (addresses, content about the person) go with it
      outbox.deleteFinishedForReference(line.itemId());
      List<String> instances = historyService.createHistoricProcessInstanceQuery()
          .processInstanceBusinessKey(line.itemId()).list().stream().map(h -> h.getId()).toList();
      for (String instance : instances) {
        historyService.createHistoricDecisionInstanceQuery().processInstanceId(instance).list()
            .forEach(decision -> historyService.deleteHistoricDecisionInstanceByInstanceId(decision.getId()));
      }
      if (!instances.isEmpty()) {
        historyService.deleteHistoricProcessInstancesIfExists(instances);
      }
      return jdbc.update("UPDATE privacy.retention_sweep_item SET executed_at = ? WHERE id = ? AND sweep_id = ? "
          + "AND executed_at IS NULL", Timestamp.from(clock.instant()), line.id(), sweepId) == 1;
    }));
  }

  /** The list's counts per category and decision. */
  public List<Count> counts(String reference) {
    return jdbc.query("SELECT source_system, category, decision, COUNT(*) AS items FROM privacy.retention_sweep_item "
            + "WHERE sweep_id = ? GROUP BY source_system, category, decision ORDER BY source_system, category, decision",
        (rs, n) -> new Count(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4)), sweep(reference).id());
  }

  /** The lines of one owner group's part of the list (a page of them, in order), any decision. */
  public List<Line> linesOf(String reference, String ownerGroup, int limit) {
    return jdbc.query(LINE + " WHERE sweep_id = ? AND owner_group = ? ORDER BY id LIMIT ?", this::mapLine,
        sweep(reference).id(), ownerGroup, limit);
  }

  /** Lines of the list (a page of them, in order), e.g. the held and kept-back ones with their reasons. */
  public List<Line> lines(String reference, String decision, int limit) {
    return jdbc.query(LINE + " WHERE sweep_id = ? AND decision = ? ORDER BY id LIMIT ?", this::mapLine,
        sweep(reference).id(), decision, limit);
  }

  /** The reviewers per owner group (for the certificate). */
  public List<String[]> reviews(String reference) {
    return jdbc.query("SELECT owner_group, reviewed_by FROM privacy.retention_sweep_review WHERE sweep_id = ? "
        + "ORDER BY owner_group", (rs, n) -> new String[] {rs.getString(1), rs.getString(2)}, sweep(reference).id());
  }

  /** The schedule versions the list applied. */
  public List<RetentionSchedule.Entry> scheduleVersions(String reference) {
    return jdbc.queryForList("SELECT DISTINCT schedule_entry_id FROM privacy.retention_sweep_item WHERE sweep_id = ? "
        + "ORDER BY schedule_entry_id", Long.class, sweep(reference).id()).stream().map(schedule::entry).toList();
  }

  void storeCertificate(String reference, byte[] pdf) {
    jdbc.update("UPDATE privacy.retention_sweep SET certificate = ?, certificate_at = ? WHERE reference = ?", pdf,
        Timestamp.from(clock.instant()), reference);
  }

  public Optional<byte[]> certificate(String reference) {
    return jdbc.query("SELECT certificate FROM privacy.retention_sweep WHERE reference = ? AND certificate IS NOT NULL",
        (rs, n) -> rs.getBytes(1), reference).stream().findFirst();
  }

  private Line line(long sweepId, long lineId) {
    return jdbc.query(LINE + " WHERE sweep_id = ? AND id = ?", this::mapLine, sweepId, lineId).stream().findFirst()
        .orElseThrow(() -> new ApiNotFoundException("Geen item " + lineId + " op deze lijst."));
  }

  private static final String LINE = "SELECT id, source_system, category, item_id, owner_group, decision, "
      + "legal_hold_id, held_because, keep_reason, review_on, executed_at FROM privacy.retention_sweep_item";

  private Line mapLine(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
    long hold = rs.getLong("legal_hold_id");
    return new Line(rs.getLong("id"), rs.getString("source_system"), rs.getString("category"),
        rs.getString("item_id"), rs.getString("owner_group"), rs.getString("decision"),
        rs.wasNull() ? null : hold, rs.getString("held_because"), rs.getString("keep_reason"),
        rs.getDate("review_on") == null ? null : rs.getDate("review_on").toLocalDate(),
        rs.getTimestamp("executed_at") != null);
  }
}
