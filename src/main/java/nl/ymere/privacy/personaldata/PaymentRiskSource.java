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
 * Payment-risk assessments (demo source): the rent-collection team's early warning of arrears, a class Ymere derives
 * from the payment history of a tenancy (Art 6(1)(b), managing the tenancy). Derived data, not provided by the
 * person, so never part of a portability export (POR-2, WP242). Matched on tenancy number; kept two years.
 */
@Component
class PaymentRiskSource extends TenancyTableSource {

  static final String SYSTEM = "paymentrisk";

  PaymentRiskSource(JdbcTemplate jdbc) {
    super(new SourceTable(jdbc, SYSTEM, "assessment", "payment_risk_assessment",
        SourceTable.columns("tenancyNumber", "tenancy_number", "assessedOn", "assessed_on", "riskClass", "risk_class",
            "basedOn", "based_on", "modelVersion", "model_version"),
        // REC-1: the risk class is an assessment (not rewritten; ADM: a human review is the route); the data it was
        // based on can be corrected
        Map.of("basedOn", "based_on"), Set.of("riskClass"),
        "tenancy_number = NULL, based_on = NULL"),
        "payment_risk_assessment", "assessed_on");
  }

  /** RET-1: the period runs from the assessment. */
  @Override
  String retentionTrigger() {
    return "assessed_on";
  }

  @Override
  public String system() {
    return SYSTEM;
  }

  @Override
  public String displayName() {
    return "Betalingsrisico (huurincasso)";
  }

  @Override
  PersonalDataItem describe(ResultSet row, String itemId, boolean restricted) throws SQLException {
    LocalDate assessed = SourceTable.date(row, "assessed_on");
    return new PersonalDataItem(SYSTEM, itemId, "Inschatting betalingsrisico: risicoklasse en waarop die berust",
        "Vroegtijdig signaleren van huurachterstand bij de uitvoering van de huurovereenkomst", LegalBasis.CONTRACT,
        "Afgeleid door Ymere uit uw betaalgedrag", List.of(),
        new Retention("2 jaar na de inschatting", assessed.plusYears(2)),
        false, false, false, false, restricted);
  }
}
