package nl.ymere.privacy.personaldata;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.ymere.privacy.security.Groups;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Nuisance files (demo source): the reports in a tenancy's nuisance case (police reports, witness statements,
 * photos). Criminal-law data (Art 10 GDPR, ROP-2): only the nuisance team and privacy officers read them (SEC-1).
 * Witness statements are recorded observations and are not rewritten (REC-1): only the sharing list can be corrected;
 * a person's own statement is added instead. Kept five years after the case closes.
 */
@Component
class NuisanceSource extends SingleTableSource {

  static final String SYSTEM = "nuisance";

  NuisanceSource(JdbcTemplate jdbc) {
    super(new SourceTable(jdbc, SYSTEM, "report", "nuisance_report",
        SourceTable.columns("kind", "kind", "reportedOn", "reported_on", "reportedBy", "reported_by",
            "content", "content", "sharedWith", "shared_with"),
        Map.of("sharedWith", "shared_with"),
        // REC-1: what the reporter reported is their account, not rewritten
        Set.of("content"),
        "case_id = NULL, reported_by = NULL, content = NULL, shared_with = NULL"),
        "nuisance_report",
        "kind, shared_with, (SELECT c.closed_on FROM privacy.nuisance_case c WHERE c.id = case_id) AS case_closed_on");
  }

  /** RET-1: the period runs from closing the nuisance file the report belongs to. */
  @Override
  String retentionTrigger() {
    return "(SELECT c.closed_on FROM privacy.nuisance_case c WHERE c.id = case_id)";
  }

  @Override
  String holdTenancyNumber() {
    return "(SELECT c.tenancy_number FROM privacy.nuisance_case c WHERE c.id = case_id)";
  }

  @Override
  public String system() {
    return SYSTEM;
  }

  @Override
  public String displayName() {
    return "Overlastdossiers";
  }

  @Override
  public Set<String> flaggedItemReaders() {
    return Set.of(Groups.NUISANCE_TEAM);
  }

  @Override
  SubjectMatch match(SubjectKey subject) {
    SubjectMatch byTenancy = SubjectMatch.of(subject, "c.tenancy_number", null, null, null);
    return byTenancy == null ? null : new SubjectMatch(
        "case_id IN (SELECT c.id FROM privacy.nuisance_case c WHERE " + byTenancy.condition() + ")",
        byTenancy.arguments());
  }

  @Override
  String liveCondition() {
    return "case_id IS NOT NULL";
  }

  @Override
  PersonalDataItem describe(ResultSet row, String itemId, boolean restricted) throws SQLException {
    LocalDate closed = SourceTable.date(row, "case_closed_on");
    String sharedWith = row.getString("shared_with");
    List<String> recipients = sharedWith == null ? List.of()
        : Arrays.stream(sharedWith.split(";")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    return new PersonalDataItem(SYSTEM, itemId, "Overlastmelding (" + row.getString("kind") + ")",
        "Aanpak van overlast en bescherming van buurtbewoners", LegalBasis.LEGITIMATE_INTEREST,
        "Van buurtbewoners, politie of medewerkers (melding)", recipients,
        new Retention("5 jaar na sluiten van het overlastdossier", closed == null ? null : closed.plusYears(5)),
        false, true, true, false, restricted);
  }
}
