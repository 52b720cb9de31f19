package nl.ymere.privacy.consent;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import nl.ymere.privacy.web.ApiConflictException;
import nl.ymere.privacy.web.ApiFieldError;
import nl.ymere.privacy.web.ApiNotFoundException;
import nl.ymere.privacy.web.ApiUnprocessableException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * ROP-4: the privacy statement's versions. The version in force and its date are configuration
 * ({@code privacy.organisation.statement-version}, {@code statement-date}; every letter names it, LET-1). A new version
 * is registered by a privacy officer with its changes and the purposes it publishes, and approved by another privacy
 * officer (four eyes, checked on {@code privacy.privacy_statement_version}); the approval publishes those purposes
 * ({@code privacy.purpose.statement_version}). A purpose that still waits for its compatibility test cannot be
 * published.
 */
@Service
public class StatementVersions {

  /** One registered statement version; approvedBy is null until approved. */
  public record StatementVersion(long id, String version, LocalDate publishedOn, String changes, List<String> purposes,
      String preparedBy, Instant preparedAt, String approvedBy, Instant approvedAt) {

    public boolean approved() {
      return approvedBy != null;
    }
  }

  private final JdbcTemplate jdbc;
  private final ConsentRepository repository;
  private final Clock clock;

  StatementVersions(JdbcTemplate jdbc, ConsentRepository repository, Clock clock) {
    this.jdbc = jdbc;
    this.repository = repository;
    this.clock = clock;
  }

  /**
   * @throws ApiConflictException when the version is registered already
   * @throws ApiUnprocessableException for an unknown purpose, one published already or one without its compatibility
   *     test (ROP-4); nothing is stored
   */
  @Transactional
  public StatementVersion register(String version, LocalDate publishedOn, String changes, List<String> purposes,
      String user) {
    if (byVersion(version).isPresent()) {
      throw new ApiConflictException("Versie " + version + " van de privacyverklaring bestaat al / statement version "
          + "exists already");
    }
    checkPublishable(purposes);
    jdbc.update("INSERT INTO privacy.privacy_statement_version (version, published_on, changes, purposes, "
        + "prepared_by, prepared_at) VALUES (?,?,?,?,?,?)", version, Date.valueOf(publishedOn), changes.strip(),
        String.join(",", purposes), user, Timestamp.from(clock.instant()));
    return byVersion(version).orElseThrow();
  }

  /**
   * Four eyes: another privacy officer approves; the purposes named are published in this version.
   *
   * @throws ApiNotFoundException for an unknown id
   * @throws ApiConflictException when approved already or the approver registered it
   * @throws ApiUnprocessableException when a purpose can no longer be published
   */
  @Transactional
  public StatementVersion approve(long id, String user) {
    StatementVersion version = find(id).orElseThrow(() -> new ApiNotFoundException("Onbekende versie van de "
        + "privacyverklaring / no statement version " + id));
    if (version.approved()) {
      throw new ApiConflictException("Versie " + version.version() + " is al goedgekeurd / already approved");
    }
    if (version.preparedBy().equals(user)) {
      throw new ApiConflictException("Wie de versie vastlegde, keurt haar niet goed (vier ogen) / the preparer cannot "
          + "approve the statement version");
    }
    checkPublishable(version.purposes());
    if (jdbc.update("UPDATE privacy.privacy_statement_version SET approved_by = ?, approved_at = ? WHERE id = ? "
        + "AND approved_by IS NULL", user, Timestamp.from(clock.instant()), id) != 1) {
      throw new ApiConflictException("Versie " + version.version() + " is al goedgekeurd / already approved");
    }
    for (String purpose : version.purposes()) {
      jdbc.update("UPDATE privacy.purpose SET statement_version = ? WHERE code = ? AND statement_version IS NULL",
          version.version(), purpose);
    }
    return find(id).orElseThrow();
  }

  private void checkPublishable(List<String> purposes) {
    List<ApiFieldError> errors = new ArrayList<>();
    for (String code : purposes) {
      Optional<Purpose> purpose = repository.purpose(code);
      if (purpose.isEmpty()) {
        errors.add(new ApiFieldError("purposes", "unknown purpose " + code));
      } else if (purpose.get().published()) {
        errors.add(new ApiFieldError("purposes", code + " is published already in "
            + purpose.get().statementVersion()));
      } else if (purpose.get().awaitsCompatibilityTest()) {
        errors.add(new ApiFieldError("purposes", code + " has no compatibility test record (ROP-4)"));
      }
    }
    if (!errors.isEmpty()) {
      throw new ApiUnprocessableException("Niet elk doel kan in deze versie worden gepubliceerd (ROP-4) / not every "
          + "purpose can be published in this version", errors);
    }
  }

  public Optional<StatementVersion> find(long id) {
    return jdbc.query("SELECT * FROM privacy.privacy_statement_version WHERE id = ?", this::map, id).stream()
        .findFirst();
  }

  public Optional<StatementVersion> byVersion(String version) {
    return jdbc.query("SELECT * FROM privacy.privacy_statement_version WHERE version = ?", this::map, version)
        .stream().findFirst();
  }

  /** Every registered version, newest publication first. */
  public List<StatementVersion> all() {
    return jdbc.query("SELECT * FROM privacy.privacy_statement_version ORDER BY published_on DESC, id DESC", this::map);
  }

  private StatementVersion map(ResultSet rs, int n) throws SQLException {
    Timestamp approvedAt = rs.getTimestamp("approved_at");
    String purposes = rs.getString("purposes");
    return new StatementVersion(rs.getLong("id"), rs.getString("version"), rs.getDate("published_on").toLocalDate(),
        rs.getString("changes"), purposes == null || purposes.isBlank() ? List.of()
            : Arrays.stream(purposes.split(",")).map(String::strip).toList(),
        rs.getString("prepared_by"), rs.getTimestamp("prepared_at").toInstant(), rs.getString("approved_by"),
        approvedAt == null ? null : approvedAt.toInstant());
  }
}
