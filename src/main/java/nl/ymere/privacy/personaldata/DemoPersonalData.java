package nl.ymere.privacy.personaldata;

import java.time.Instant;
import java.time.LocalDate;
import nl.ymere.privacy.security.DemoSeeder;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Demo data of a housing corporation across its systems ({@code privacy.demo.personal-data-enabled}, on in the demo
 * profile): the demo tenant Jan de Vries has items in every demo source, among them a neighbour's complaint about him
 * (third-party data), a nuisance file (criminal-law data), a medical home adaptation (special category) and a payment-risk
 * class Ymere derived from his payments (derived data, POR-2).
 * Create-if-absent: nothing is added when his tenancy contract exists.
 */
@Component
@Order(10)
@ConditionalOnProperty(name = "privacy.demo.personal-data-enabled", havingValue = "true")
class DemoPersonalData implements DemoSeeder {

  static final DemoRecords.Person TENANT = new DemoRecords.Person("Jan de Vries", LocalDate.of(1978, 3, 14),
      "jan.devries@example.org", "06-12345678", "HV-100234", "Kastanjelaan 12-2, 1091 AB Amsterdam");
  static final DemoRecords.Person NEIGHBOUR = new DemoRecords.Person("Fatma Yilmaz", LocalDate.of(1985, 7, 2),
      "fatma.yilmaz@example.org", "06-87654321", "HV-100235", "Kastanjelaan 12-1, 1091 AB Amsterdam");

  private final JdbcTemplate jdbc;
  private final TransactionTemplate transaction;

  DemoPersonalData(JdbcTemplate jdbc, PlatformTransactionManager transactionManager) {
    this.jdbc = jdbc;
    this.transaction = new TransactionTemplate(transactionManager);
  }

  @Override
  public void seed() {
    transaction.executeWithoutResult(status -> {
      DemoRecords records = new DemoRecords(jdbc);
      if (!records.hasContract(TENANT.tenancyNumber())) {
        seed(records);
      }
    });
  }

  private static void seed(DemoRecords records) {
    String contract = records.contract(TENANT, LocalDate.of(2015, 4, 1), null, "742.50");
    records.payment(contract, LocalDate.of(2018, 1, 2), "689.10", "NL91ABNA0417164300");
    records.payment(contract, LocalDate.of(2025, 12, 1), "742.50", "NL91ABNA0417164300");
    records.payment(contract, LocalDate.of(2026, 1, 2), "742.50", "NL91ABNA0417164300");
    records.contract(NEIGHBOUR, LocalDate.of(2019, 9, 1), null, "698.00");

    records.repair(TENANT, "Lekkage aan de kraan in de keuken", LocalDate.of(2025, 10, 6), LocalDate.of(2025, 10, 9),
        "Installatiebedrijf Van Dam");
    records.contact(TENANT, "PHONE", "QUESTION", "Vraag over de jaarlijkse huurverhoging", LocalDate.of(2026, 1, 15),
        LocalDate.of(2026, 1, 15));
    records.contact(TENANT, "EMAIL", "COMPLAINT", "Klacht over de late afhandeling van de lekkage",
        LocalDate.of(2025, 10, 8), LocalDate.of(2025, 10, 20));
    records.neighbourComplaint(NEIGHBOUR, TENANT.tenancyNumber(),
        "Fatma Yilmaz (12-1) meldt geluidsoverlast 's nachts uit de woning van de bovenburen",
        LocalDate.of(2025, 9, 3));

    long nuisanceCase = records.nuisanceCase("OV-2025-017", TENANT.tenancyNumber(), LocalDate.of(2025, 9, 10));
    records.nuisanceReport(nuisanceCase, "WITNESS_STATEMENT", LocalDate.of(2025, 9, 10), NEIGHBOUR.name(),
        "Verklaring over harde muziek en geschreeuw tussen 01:00 en 04:00 op 6, 7 en 13 september", null);
    records.nuisanceReport(nuisanceCase, "POLICE_REPORT", LocalDate.of(2025, 9, 14), "Politie Amsterdam",
        "Proces-verbaal PL1300-2025-123456: melding burengerucht, waarschuwing gegeven",
        "Politie Amsterdam; Gemeente Amsterdam (Veiligheidshuis)");

    records.footage(TENANT, "CAM-2026-000001", Instant.parse("2026-02-07T22:10:00Z"),
        Instant.parse("2026-02-07T22:25:00Z"), "INC-2026-004", "Man in donkere jas bij de fietsenstalling, entree 12",
        LocalDate.of(2026, 5, 7));

    records.adaptation(TENANT, LocalDate.of(2024, 5, 20),
        "Beperkte mobiliteit na heupoperatie; traplopen niet mogelijk", "Traplift en douchezitje", "WMO-2024-88812");

    records.marketing(TENANT, "NEWSLETTER", true, Instant.parse("2023-02-01T09:12:00Z"));
    records.marketing(TENANT, "RESIDENT_SURVEY", true, Instant.parse("2024-06-11T18:40:00Z"));

    records.paymentRisk(TENANT, LocalDate.of(2026, 2, 1), "LAAG",
        "Alle huurbetalingen van de laatste 12 maanden op tijd");

    records.workNote(TENANT, "desk", LocalDate.of(2026, 2, 2),
        "Huurder belde geïrriteerd over de huurverhoging; terugbellen na overleg met teamleider");
  }
}
