package nl.ymere.privacy.legalhold;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import nl.ymere.privacy.personaldata.PersonalDataSources;
import nl.ymere.privacy.web.ApiConflictException;
import nl.ymere.privacy.web.ApiFieldError;
import nl.ymere.privacy.web.ApiForbiddenException;
import nl.ymere.privacy.web.ApiNotFoundException;
import nl.ymere.privacy.web.ApiValidationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The legal-hold register behind {@code /api/legal-holds} (RET-4, issue 17 item 4): privacy officers place a hold
 * with its kind, reason, scope, owner and review date (default six months); a release takes two people (one proposes
 * it with a reason, another confirms it; the proposer cannot confirm). Erasure and the engine-history retention
 * ({@code erasure.HistoryHolds}) read the same holds.
 */
@Service
public class LegalHoldRegister {

  static final int MAX_REASON = 2000;
  static final int DEFAULT_REVIEW_MONTHS = 6;

  private final LegalHolds holds;
  private final PersonalDataSources sources;
  private final JdbcTemplate jdbc;
  private final Clock clock;

  LegalHoldRegister(LegalHolds holds, PersonalDataSources sources, JdbcTemplate jdbc, Clock clock) {
    this.holds = holds;
    this.sources = sources;
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** Body of {@code POST /api/legal-holds}. */
  public record PlaceHoldCommand(String kind, String reason, Scope scope, LocalDate heldUntil, String owner,
      LocalDate reviewOn) {

    /** What is held: a person (e-mail and/or tenancy number), a system, or one item or file of a system. */
    public record Scope(String email, String tenancyNumber, String system, String itemId) {
    }
  }

  /** Body of {@code POST /api/legal-holds/{id}/review}: the hold is still needed until at least this review date. */
  public record ReviewCommand(LocalDate reviewOn) {
  }

  /** Body of {@code POST /api/legal-holds/{id}/release}. */
  public record ReleaseCommand(String reason) {
  }

  /** A hold as the register shows it. */
  public record HoldView(long id, String kind, String reason, PlaceHoldCommand.Scope scope, LocalDate heldUntil,
      String owner, LocalDate reviewOn, String status, String createdBy, Instant createdAt, String releaseProposedBy,
      String releaseReason, String releasedBy, Instant releasedAt) {
  }

  @Transactional
  public HoldView place(PlaceHoldCommand command, String user) {
    List<ApiFieldError> errors = new ArrayList<>();
    LegalHoldKind kind = null;
    if (command == null) {
      throw new ApiValidationException("", "een bewaarplicht (legal hold) is verplicht");
    }
    if (command.kind() == null || command.kind().isBlank()) {
      errors.add(new ApiFieldError("kind", "is verplicht: LITIGATION, INVESTIGATION, COMPLAINT of AP_INQUIRY"));
    } else {
      try {
        kind = LegalHoldKind.valueOf(command.kind().strip().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException unknown) {
        errors.add(new ApiFieldError("kind", "onbekend; kies LITIGATION, INVESTIGATION, COMPLAINT of AP_INQUIRY"));
      }
    }
    String reason = command.reason() == null ? "" : command.reason().strip();
    if (reason.isEmpty()) {
      errors.add(new ApiFieldError("reason", "is verplicht: waarom de gegevens bewaard moeten blijven"));
    } else if (reason.length() > MAX_REASON) {
      errors.add(new ApiFieldError("reason", "is langer dan " + MAX_REASON + " tekens"));
    }
    PlaceHoldCommand.Scope scope = command.scope();
    String email = scope == null ? null : blankToNull(scope.email());
    String tenancy = scope == null ? null : blankToNull(scope.tenancyNumber());
    String system = scope == null ? null : blankToNull(scope.system());
    String itemId = scope == null ? null : blankToNull(scope.itemId());
    if (email == null && tenancy == null && system == null) {
      errors.add(new ApiFieldError("scope", "noem een persoon (email, tenancyNumber), een systeem of een item"));
    }
    if (email != null && !email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
      errors.add(new ApiFieldError("scope.email", "is geen e-mailadres"));
    }
    if (itemId != null && system == null) {
      errors.add(new ApiFieldError("scope.system", "is verplicht bij een item"));
    }
    if (system != null && !knownSystem(system)) {
      errors.add(new ApiFieldError("scope.system", "onbekend systeem; kies een bron van persoonsgegevens, "
          + LegalHolds.REQUEST_FILES + ", " + LegalHolds.FRAUD_SIGNAL_FILES + ", " + LegalHolds.COMPLAINT_FILES + " of "
          + LegalHolds.BREACH_FILES));
    }
    LocalDate today = LocalDate.now(clock);
    if (command.heldUntil() != null && command.heldUntil().isBefore(today)) {
      errors.add(new ApiFieldError("heldUntil", "ligt in het verleden"));
    }
    if (command.reviewOn() != null && command.reviewOn().isBefore(today)) {
      errors.add(new ApiFieldError("reviewOn", "ligt in het verleden"));
    }
    if (!errors.isEmpty()) {
      throw new ApiValidationException(errors);
    }
    String owner = blankToNull(command.owner()) == null ? user : command.owner().strip();
    LocalDate reviewOn = command.reviewOn() != null ? command.reviewOn() : today.plusMonths(DEFAULT_REVIEW_MONTHS);
    long id = holds.place(new LegalHolds.NewHold(kind, reason, email, tenancy, system, itemId, command.heldUntil(),
        owner, reviewOn), user);
    return view(id);
  }

  /**
   * The first call proposes the release (202 for the caller), the second by another user releases the hold; the
   * proposer cannot confirm their own proposal (four eyes).
   */
  @Transactional
  public HoldView release(long id, ReleaseCommand command, String user) {
    HoldView hold = view(id);
    if (hold.releasedAt() != null) {
      throw new ApiConflictException("Legal hold " + id + " is al opgeheven.");
    }
    if (hold.releaseProposedBy() == null) {
      String reason = command == null || command.reason() == null ? "" : command.reason().strip();
      if (reason.isEmpty()) {
        throw new ApiValidationException("reason", "is verplicht: waarom de bewaarplicht vervalt");
      }
      if (reason.length() > MAX_REASON) {
        throw new ApiValidationException("reason", "is langer dan " + MAX_REASON + " tekens");
      }
      if (!holds.proposeRelease(id, reason, user)) {
        throw new ApiConflictException("Legal hold " + id + " is intussen gewijzigd; lees hem opnieuw.");
      }
      return view(id);
    }
    if (hold.releaseProposedBy().equals(user)) {
      throw new ApiForbiddenException("Vier ogen (RET-4): " + user + " stelde het opheffen voor en kan het niet zelf "
          + "bevestigen; een andere privacy officer bevestigt.");
    }
    if (!holds.release(id, user)) {
      throw new ApiConflictException("Legal hold " + id + " is al opgeheven.");
    }
    return view(id);
  }

  /**
   * The owner (or another privacy officer) reviews a running hold: it is still needed, and is reviewed again on the
   * new date (the reminder of {@link LegalHoldReminders} is then sent again before that date).
   *
   * @throws ApiNotFoundException (404) no such hold
   * @throws ApiConflictException (409) the hold is released or ended
   * @throws ApiValidationException (400) no review date, or not after today
   */
  @Transactional
  public HoldView review(long id, ReviewCommand command, String user) {
    HoldView hold = view(id);
    if (!hold.status().equals("RUNNING") && !hold.status().equals("RELEASE_PROPOSED")) {
      throw new ApiConflictException("Legal hold " + id + " loopt niet meer (" + hold.status() + ").");
    }
    LocalDate today = LocalDate.now(clock);
    if (command == null || command.reviewOn() == null || !command.reviewOn().isAfter(today)) {
      throw new ApiValidationException("reviewOn", "is verplicht en ligt na vandaag");
    }
    if (jdbc.update("UPDATE privacy.legal_hold SET review_on = ?, last_reviewed_by = ?, last_reviewed_at = ? "
            + "WHERE id = ? AND released_at IS NULL", java.sql.Date.valueOf(command.reviewOn()), user,
        java.sql.Timestamp.from(clock.instant()), id) != 1) {
      throw new ApiConflictException("Legal hold " + id + " is intussen opgeheven.");
    }
    return view(id);
  }

  public List<HoldView> all() {
    return jdbc.query(SELECT + " ORDER BY id", this::map);
  }

  public HoldView view(long id) {
    return jdbc.query(SELECT + " WHERE id = ?", this::map, id).stream().findFirst()
        .orElseThrow(() -> new ApiNotFoundException("Geen legal hold met id " + id + "."));
  }

  private static final String SELECT = "SELECT id, kind, reason, subject_email, subject_tenancy_number, system, "
      + "item_id, held_until, owner_user, review_on, created_by, created_at, release_proposed_by, release_reason, "
      + "released_by, released_at FROM privacy.legal_hold";

  private HoldView map(ResultSet rs, int n) throws SQLException {
    LocalDate heldUntil = rs.getDate("held_until") == null ? null : rs.getDate("held_until").toLocalDate();
    Instant releasedAt = rs.getTimestamp("released_at") == null ? null : rs.getTimestamp("released_at").toInstant();
    String status = releasedAt != null ? "RELEASED"
        : heldUntil != null && heldUntil.isBefore(LocalDate.now(clock)) ? "ENDED"
            : rs.getString("release_proposed_by") != null ? "RELEASE_PROPOSED" : "RUNNING";
    return new HoldView(rs.getLong("id"), rs.getString("kind"), rs.getString("reason"),
        new PlaceHoldCommand.Scope(rs.getString("subject_email"), rs.getString("subject_tenancy_number"),
            rs.getString("system"), rs.getString("item_id")),
        heldUntil, rs.getString("owner_user"),
        rs.getDate("review_on") == null ? null : rs.getDate("review_on").toLocalDate(), status,
        rs.getString("created_by"), rs.getTimestamp("created_at").toInstant(), rs.getString("release_proposed_by"),
        rs.getString("release_reason"), rs.getString("released_by"), releasedAt);
  }

  private boolean knownSystem(String system) {
    return system.equals(LegalHolds.REQUEST_FILES) || system.equals(LegalHolds.FRAUD_SIGNAL_FILES)
        || system.equals(LegalHolds.COMPLAINT_FILES) || system.equals(LegalHolds.BREACH_FILES)
        || sources.all().stream().anyMatch(source -> source.system().equals(system));
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
