package nl.ymere.privacy.personaldata;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Newsletter and marketing preferences (demo source), on consent and keyed by e-mail address; kept until the consent
 * is withdrawn. Sent through a mailing service (processor).
 */
@Component
class MarketingPreferenceSource extends SingleTableSource {

  static final String SYSTEM = "marketing";

  MarketingPreferenceSource(JdbcTemplate jdbc) {
    super(new SourceTable(jdbc, SYSTEM, "preference", "marketing_preference",
        SourceTable.columns("email", "email", "name", "subscriber_name", "topic", "topic", "optedIn", "opted_in",
            "consentTextVersion", "consent_text_version", "consentGivenAt", "consent_given_at",
            "withdrawnAt", "withdrawn_at"),
        Map.of("email", "email", "name", "subscriber_name"),
        "email = NULL, subscriber_name = NULL"),
        "marketing_preference", "topic");
  }

  /** RET-1: kept until consent is withdrawn; the period runs from the withdrawal. */
  @Override
  String retentionTrigger() {
    return "CAST(withdrawn_at AS DATE)";
  }

  @Override
  String holdTenancyNumber() {
    return "NULL";
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
    return "Nieuwsbrief en marketingvoorkeuren";
  }

  @Override
  SubjectMatch match(SubjectKey subject) {
    return SubjectMatch.of(subject, null, "email", null, null);
  }

  @Override
  String liveCondition() {
    return "email IS NOT NULL";
  }

  /** The mailing service that sends the newsletter: named from the processor register (issue 15 item 10). */
  static final RecipientCategory MAILING_SERVICE =
      new RecipientCategory("NEWSLETTER", "CONTACT_DETAILS", "Mailingdienst (verwerker)");

  @Override
  public List<RecipientCategory> recipientCategories(PersonalDataItem item) {
    return List.of(MAILING_SERVICE);
  }

  @Override
  PersonalDataItem describe(ResultSet row, String itemId, boolean restricted) throws SQLException {
    return new PersonalDataItem(SYSTEM, itemId,
        "Voorkeur " + row.getString("topic") + ": e-mailadres, naam, toestemming",
        "Nieuwsbrief en informatie over wonen", LegalBasis.CONSENT, "Van u, bij uw aanmelding",
        List.of(), new Retention("Tot u uw toestemming intrekt", null),
        false, false, false, true, restricted);
  }
}
