package nl.ymere.privacy.personaldata;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Repairs (demo source): repair requests of a tenancy, passed to the contractor who carries them out. Matched on
 * tenancy number; kept two years after completion.
 */
@Component
class RepairSource extends TenancyTableSource {

  static final String SYSTEM = "repairs";

  RepairSource(JdbcTemplate jdbc) {
    super(new SourceTable(jdbc, SYSTEM, "repair", "repair_request",
        SourceTable.columns("tenancyNumber", "tenancy_number", "reporterName", "reporter_name",
            "contactPhone", "contact_phone", "address", "address", "description", "description",
            "reportedOn", "reported_on", "completedOn", "completed_on", "contractor", "contractor"),
        Map.of("reporterName", "reporter_name", "contactPhone", "contact_phone", "address", "address",
            "description", "description"),
        "tenancy_number = NULL, reporter_name = NULL, contact_phone = NULL, address = NULL, description = NULL"),
        "repair_request", "completed_on, contractor");
  }

  /** RET-1: the period runs from completion of the repair. */
  @Override
  String retentionTrigger() {
    return "completed_on";
  }

  @Override
  public String system() {
    return SYSTEM;
  }

  @Override
  public String displayName() {
    return "Reparatieverzoeken";
  }

  @Override
  PersonalDataItem describe(ResultSet row, String itemId, boolean restricted) throws SQLException {
    LocalDate completed = SourceTable.date(row, "completed_on");
    String contractor = row.getString("contractor");
    return new PersonalDataItem(SYSTEM, itemId, "Reparatieverzoek: naam, telefoonnummer, adres, omschrijving",
        "Onderhoud en reparatie van de woning", LegalBasis.CONTRACT, "Van u, bij de reparatiemelding",
        contractor == null ? List.of() : List.of("Aannemer: " + contractor),
        new Retention("2 jaar na afronding van de reparatie", completed == null ? null : completed.plusYears(2)),
        false, false, false, true, restricted);
  }
}
