package nl.ymere.privacy.personaldata;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Customer contacts and complaints (demo source). A person's own contacts are matched on tenancy number or e-mail; a
 * complaint by a neighbour about the person is matched on {@code about_tenancy_number} and is third-party data: it
 * holds the neighbour's identity and words (redact before handing out, ACC-3). Kept two years after closing.
 */
@Component
class CustomerContactSource extends SingleTableSource {

  static final String SYSTEM = "contacts";

  CustomerContactSource(JdbcTemplate jdbc) {
    super(new SourceTable(jdbc, SYSTEM, "contact", "customer_contact",
        SourceTable.columns("tenancyNumber", "tenancy_number", "contactName", "contact_name", "email", "email",
            "channel", "channel", "kind", "kind", "summary", "summary", "aboutTenancyNumber", "about_tenancy_number",
            "contactedOn", "contacted_on", "closedOn", "closed_on"),
        Map.of("contactName", "contact_name", "email", "email"),
        // REC-1: the employee's summary of a contact is their record of it
        Set.of("summary"),
        "tenancy_number = NULL, contact_name = NULL, email = NULL, summary = NULL, about_tenancy_number = NULL"),
        "customer_contact", "kind, about_tenancy_number, closed_on");
  }

  /** RET-1: the period runs from closing the contact. */
  @Override
  String retentionTrigger() {
    return "closed_on";
  }

  @Override
  String holdEmail() {
    return "email";
  }

  @Override
  public String system() {
    return SYSTEM;
  }

  @Override
  public String displayName() {
    return "Klantcontacten en klachten";
  }

  @Override
  SubjectMatch match(SubjectKey subject) {
    SubjectMatch own = SubjectMatch.of(subject, "tenancy_number", "email", null, null);
    if (!subject.hasTenancyNumber()) {
      return own;
    }
    List<Object> arguments = new ArrayList<>(own.arguments());
    arguments.add(subject.tenancyNumber());
    return new SubjectMatch("(" + own.condition() + " OR about_tenancy_number = ?)", arguments);
  }

  @Override
  String liveCondition() {
    return "(tenancy_number IS NOT NULL OR email IS NOT NULL OR about_tenancy_number IS NOT NULL)";
  }

  @Override
  PersonalDataItem describe(ResultSet row, String itemId, boolean restricted) throws SQLException {
    LocalDate closed = SourceTable.date(row, "closed_on");
    boolean complaint = "COMPLAINT".equals(row.getString("kind"));
    boolean aboutSomeoneElse = row.getString("about_tenancy_number") != null;
    Retention retention =
        new Retention("2 jaar na afsluiten van het contact", closed == null ? null : closed.plusYears(2));
    if (aboutSomeoneElse) {
      return new PersonalDataItem(SYSTEM, itemId, "Klacht van een buurtbewoner: naam melder, inhoud van de klacht",
          "Behandeling van klachten over woongedrag", LegalBasis.LEGITIMATE_INTEREST,
          "Van een buurtbewoner (klacht)", List.of(), retention, false, false, true, false, restricted);
    }
    return new PersonalDataItem(SYSTEM, itemId,
        complaint ? "Klacht: naam, contactgegevens, inhoud" : "Klantcontact: naam, contactgegevens, onderwerp",
        complaint ? "Behandeling van uw klacht" : "Beantwoorden van uw vraag", LegalBasis.CONTRACT,
        "Van u, bij uw contact met ons", List.of(), retention, false, false, false, true, restricted);
  }
}
