package nl.ymere.privacy.personaldata;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.ymere.privacy.security.Groups;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Home adaptation for medical reasons (demo source): the application with its medical indication. Health data
 * (Art 9 GDPR, ROP-2) processed on explicit consent: only the housing-adaptation team and privacy officers read it
 * (SEC-1). Kept two years after the adaptation is completed.
 */
@Component
class HomeAdaptationSource extends TenancyTableSource {

  static final String SYSTEM = "adaptation";

  HomeAdaptationSource(JdbcTemplate jdbc) {
    super(new SourceTable(jdbc, SYSTEM, "adaptation", "home_adaptation",
        SourceTable.columns("tenancyNumber", "tenancy_number", "applicantName", "applicant_name",
            "requestedOn", "requested_on", "medicalIndication", "medical_indication", "adaptation", "adaptation",
            "wmoReference", "wmo_reference", "consentGivenOn", "consent_given_on", "completedOn", "completed_on"),
        Map.of("applicantName", "applicant_name", "medicalIndication", "medical_indication",
            "wmoReference", "wmo_reference"),
        "tenancy_number = NULL, applicant_name = NULL, medical_indication = NULL, wmo_reference = NULL"),
        "home_adaptation", "completed_on");
  }

  /** RET-1: the period runs from completion of the adaptation. */
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
    return "Woningaanpassingen";
  }

  @Override
  public Set<String> flaggedItemReaders() {
    return Set.of(Groups.HOUSING_ADAPTATION);
  }

  /** Issue 15 item 10: the municipality and the contractor by name where the register knows them. */
  static final List<RecipientCategory> RECIPIENTS = List.of(
      new RecipientCategory("HOME_ADAPTATION", "WMO_INDICATION", "Gemeente (Wmo-loket)"),
      new RecipientCategory("HOME_ADAPTATION", "ADAPTATION_DETAILS", "Aannemer (alleen de aanpassing)"));

  @Override
  public List<RecipientCategory> recipientCategories(PersonalDataItem item) {
    return RECIPIENTS;
  }

  @Override
  PersonalDataItem describe(ResultSet row, String itemId, boolean restricted) throws SQLException {
    LocalDate completed = SourceTable.date(row, "completed_on");
    return new PersonalDataItem(SYSTEM, itemId, "Woningaanpassing: medische indicatie (gezondheidsgegevens)",
        "Aanpassen van de woning om medische redenen", LegalBasis.CONSENT,
        "Van u en uw gemeente (Wmo-indicatie)", List.of(),
        new Retention("2 jaar na afronding van de aanpassing", completed == null ? null : completed.plusYears(2)),
        true, false, false, true, restricted);
  }
}
