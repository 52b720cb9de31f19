package nl.ymere.privacy.personaldata;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;

/**
 * Writes records into the demo sources' own tables the way each system would hold them; used by the demo seeding
 * ({@link DemoPersonalData}) and by the tests. Returns item ids as the sources give them out.
 */
final class DemoRecords {

  /** A tenant as the systems know them. */
  record Person(String name, LocalDate dateOfBirth, String email, String phone, String tenancyNumber,
      String address) {

    SubjectKey key() {
      return new SubjectKey(name, dateOfBirth, email, tenancyNumber);
    }
  }

  private final JdbcTemplate jdbc;

  DemoRecords(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  String contract(Person p, LocalDate start, LocalDate end, String monthlyRent) {
    return "contract-" + insert("INSERT INTO privacy.tenancy_contract (tenancy_number, tenant_name, date_of_birth, "
            + "email, phone, address, start_date, end_date, monthly_rent) VALUES (?,?,?,?,?,?,?,?,?)",
        p.tenancyNumber(), p.name(), date(p.dateOfBirth()), p.email(), p.phone(), p.address(), date(start),
        date(end), new BigDecimal(monthlyRent));
  }

  String payment(String contractItemId, LocalDate paidOn, String amount, String iban) {
    long contractId = Long.parseLong(contractItemId.substring("contract-".length()));
    return "payment-" + insert("INSERT INTO privacy.rent_payment (contract_id, paid_on, amount, payer_iban, "
            + "payment_reference) VALUES (?,?,?,?,?)", contractId, date(paidOn), new BigDecimal(amount), iban,
        "HUUR " + paidOn.getYear() + "-" + paidOn.getMonthValue());
  }

  String repair(Person p, String description, LocalDate reportedOn, LocalDate completedOn, String contractor) {
    return "repair-" + insert("INSERT INTO privacy.repair_request (tenancy_number, reporter_name, contact_phone, "
            + "address, description, reported_on, completed_on, contractor) VALUES (?,?,?,?,?,?,?,?)",
        p.tenancyNumber(), p.name(), p.phone(), p.address(), description, date(reportedOn), date(completedOn),
        contractor);
  }

  String contact(Person p, String channel, String kind, String summary, LocalDate on, LocalDate closedOn) {
    return "contact-" + insert("INSERT INTO privacy.customer_contact (tenancy_number, contact_name, email, channel, "
            + "kind, summary, contacted_on, closed_on) VALUES (?,?,?,?,?,?,?,?)",
        p.tenancyNumber(), p.name(), p.email(), channel, kind, summary, date(on), date(closedOn));
  }

  /** A complaint by {@code neighbour} about the tenant of {@code aboutTenancyNumber}: third-party data for him. */
  String neighbourComplaint(Person neighbour, String aboutTenancyNumber, String summary, LocalDate on) {
    return "contact-" + insert("INSERT INTO privacy.customer_contact (tenancy_number, contact_name, email, channel, "
            + "kind, summary, about_tenancy_number, contacted_on) VALUES (?,?,?,?,?,?,?,?)",
        neighbour.tenancyNumber(), neighbour.name(), neighbour.email(), "EMAIL", "COMPLAINT", summary,
        aboutTenancyNumber, date(on));
  }

  long nuisanceCase(String caseNumber, String tenancyNumber, LocalDate openedOn) {
    return insert("INSERT INTO privacy.nuisance_case (case_number, tenancy_number, opened_on) VALUES (?,?,?)",
        caseNumber, tenancyNumber, date(openedOn));
  }

  String nuisanceReport(long caseId, String kind, LocalDate on, String reportedBy, String content, String sharedWith) {
    return "report-" + insert("INSERT INTO privacy.nuisance_report (case_id, kind, reported_on, reported_by, content, "
        + "shared_with) VALUES (?,?,?,?,?,?)", caseId, kind, date(on), reportedBy, content, sharedWith);
  }

  String adaptation(Person p, LocalDate requestedOn, String indication, String adaptation, String wmoReference) {
    return "adaptation-" + insert("INSERT INTO privacy.home_adaptation (tenancy_number, applicant_name, requested_on, "
            + "medical_indication, adaptation, wmo_reference, consent_given_on) VALUES (?,?,?,?,?,?,?)",
        p.tenancyNumber(), p.name(), date(requestedOn), indication, adaptation, wmoReference, date(requestedOn));
  }

  String marketing(Person p, String topic, boolean optedIn, Instant consentAt) {
    return "preference-" + insert("INSERT INTO privacy.marketing_preference (email, subscriber_name, topic, opted_in, "
            + "consent_text_version, consent_given_at) VALUES (?,?,?,?,?,?)",
        p.email(), p.name(), topic, optedIn, "2025-01", Timestamp.from(consentAt));
  }

  String workNote(Person p, String author, LocalDate on, String note) {
    return "note-" + insert("INSERT INTO privacy.work_note (tenancy_number, author, written_on, note) VALUES (?,?,?,?)",
        p.tenancyNumber(), author, date(on), note);
  }

  /** A payment-risk class Ymere derived from the tenancy's payment history: derived data (POR-2). */
  String paymentRisk(Person p, LocalDate assessedOn, String riskClass, String basedOn) {
    return "assessment-" + insert("INSERT INTO privacy.payment_risk_assessment (tenancy_number, assessed_on, "
        + "risk_class, based_on, model_version) VALUES (?,?,?,?,?)", p.tenancyNumber(), date(assessedOn), riskClass,
        basedOn, "BR-2025.2");
  }

  String footage(Person p, String cameraReference, Instant from, Instant until, String incidentReference,
      String describedAs, LocalDate keepUntil) {
    return "footage-" + insert("INSERT INTO privacy.camera_footage_reference (tenancy_number, camera_reference, "
            + "recorded_from, recorded_until, storage_key, incident_reference, described_as, keep_until) "
            + "VALUES (?,?,?,?,?,?,?,?)", p.tenancyNumber(), cameraReference, Timestamp.from(from),
        Timestamp.from(until), cameraReference + "/" + from.toEpochMilli() + ".mp4", incidentReference, describedAs,
        date(keepUntil));
  }

  boolean hasContract(String tenancyNumber) {
    Integer count = jdbc.queryForObject("SELECT COUNT(*) FROM privacy.tenancy_contract WHERE tenancy_number = ?",
        Integer.class, tenancyNumber);
    return count != null && count > 0;
  }

  private long insert(String sql, Object... args) {
    GeneratedKeyHolder keys = new GeneratedKeyHolder();
    jdbc.update(con -> {
      PreparedStatement ps = con.prepareStatement(sql, new String[] {"id"});
      for (int i = 0; i < args.length; i++) {
        ps.setObject(i + 1, args[i]);
      }
      return ps;
    }, keys);
    return keys.getKey().longValue();
  }

  private static Date date(LocalDate day) {
    return day == null ? null : Date.valueOf(day);
  }
}
