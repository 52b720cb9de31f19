package nl.ymere.privacy.personaldata;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Internal work notes (demo source): a staff member's notes on a tenancy. A candidate for the "personal work note"
 * exemption (ACC-3), decided per item by the handler; kept two years.
 */
@Component
class WorkNoteSource extends TenancyTableSource {

  static final String SYSTEM = "worknotes";

  WorkNoteSource(JdbcTemplate jdbc) {
    super(new SourceTable(jdbc, SYSTEM, "note", "work_note",
        SourceTable.columns("tenancyNumber", "tenancy_number", "author", "author", "writtenOn", "written_on",
            "note", "note"),
        // REC-1: a work note is the employee's own record; the person's statement is attached, never a rewrite
        Map.of(), Set.of("note"),
        "tenancy_number = NULL, note = NULL"),
        "work_note", "written_on");
  }

  /** RET-1: the period runs from the day the note was written. */
  @Override
  String retentionTrigger() {
    return "written_on";
  }

  @Override
  public String system() {
    return SYSTEM;
  }

  @Override
  public String displayName() {
    return "Interne werkaantekeningen";
  }

  @Override
  PersonalDataItem describe(ResultSet row, String itemId, boolean restricted) throws SQLException {
    LocalDate written = SourceTable.date(row, "written_on");
    return new PersonalDataItem(SYSTEM, itemId, "Interne werkaantekening van een medewerker",
        "Dossiervoering bij de uitvoering van de huurovereenkomst", LegalBasis.LEGITIMATE_INTEREST,
        "Van onze medewerker", List.of(),
        new Retention("2 jaar na het schrijven van de aantekening", written.plusYears(2)),
        false, false, false, false, restricted);
  }
}
