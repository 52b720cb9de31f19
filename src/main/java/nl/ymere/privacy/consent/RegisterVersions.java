package nl.ymere.privacy.consent;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import nl.ymere.privacy.web.ApiConflictException;
import nl.ymere.privacy.web.ApiNotFoundException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * ROP-1: the register's changes as versions. A privacy officer records a change (what changed, with the statement
 * version it is published in, ROP-4); another privacy officer approves it (four eyes, checked against
 * {@code privacy.register_version}, never a variable), and only then it gets the next version number. The generated
 * register names its current version with approver and date.
 */
@Service
public class RegisterVersions {

  /** One recorded change; {@code version} is null until approved. */
  public record RegisterVersion(long id, String changes, String statementVersion, String preparedBy,
      Instant preparedAt, String approvedBy, Instant approvedAt, Integer version) {
  }

  private final JdbcTemplate jdbc;
  private final Clock clock;

  RegisterVersions(JdbcTemplate jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  @Transactional
  public RegisterVersion propose(String changes, String statementVersion, String user) {
    GeneratedKeyHolder keys = new GeneratedKeyHolder();
    jdbc.update(connection -> {
      var statement = connection.prepareStatement("INSERT INTO privacy.register_version (changes, statement_version, "
          + "prepared_by, prepared_at) VALUES (?,?,?,?)", new String[] {"id"});
      statement.setString(1, changes.strip());
      statement.setString(2, statementVersion.strip());
      statement.setString(3, user);
      statement.setTimestamp(4, Timestamp.from(clock.instant()));
      return statement;
    }, keys);
    return find(keys.getKey().longValue()).orElseThrow();
  }

  /**
   * @throws ApiNotFoundException for an unknown change
   * @throws ApiConflictException when it was approved already or the approver prepared it (four eyes)
   */
  @Transactional
  public RegisterVersion approve(long id, String user) {
    RegisterVersion change = find(id).orElseThrow(() -> new ApiNotFoundException("Onbekende registerwijziging / "
        + "no register change " + id));
    if (change.version() != null) {
      throw new ApiConflictException("Registerwijziging " + id + " is al goedgekeurd / already approved");
    }
    if (change.preparedBy().equals(user)) {
      throw new ApiConflictException("Wie de wijziging vastlegde, keurt haar niet goed (vier ogen) / the preparer "
          + "cannot approve the change");
    }
    Integer last = jdbc.queryForObject("SELECT MAX(version) FROM privacy.register_version", Integer.class);
    int version = last == null ? 1 : last + 1;
    if (jdbc.update("UPDATE privacy.register_version SET approved_by = ?, approved_at = ?, version = ? WHERE id = ? "
        + "AND version IS NULL", user, Timestamp.from(clock.instant()), version, id) != 1) {
      throw new ApiConflictException("Registerwijziging " + id + " is al goedgekeurd / already approved");
    }
    return find(id).orElseThrow();
  }

  public Optional<RegisterVersion> find(long id) {
    return jdbc.query("SELECT * FROM privacy.register_version WHERE id = ?", this::map, id).stream().findFirst();
  }

  /** The approved versions, newest first. */
  public List<RegisterVersion> approved() {
    return jdbc.query("SELECT * FROM privacy.register_version WHERE version IS NOT NULL ORDER BY version DESC",
        this::map);
  }

  private RegisterVersion map(ResultSet rs, int n) throws SQLException {
    Timestamp approvedAt = rs.getTimestamp("approved_at");
    return new RegisterVersion(rs.getLong("id"), rs.getString("changes"), rs.getString("statement_version"),
        rs.getString("prepared_by"), rs.getTimestamp("prepared_at").toInstant(), rs.getString("approved_by"),
        approvedAt == null ? null : approvedAt.toInstant(), rs.getObject("version", Integer.class));
  }
}
