package nl.ymere.privacy.personaldata;

import java.time.Instant;
import java.time.LocalDate;
import nl.ymere.privacy.personaldata.DemoRecords.Person;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A tenant of their own for each portability test (like {@link ErasureTestData}), with items that qualify for
 * portability (POR-1, POR-2: provided by the person, on consent or contract) and items that do not: a rent payment
 * (legal obligation), a work note (legitimate interest), a payment-risk class (derived) and a neighbour's complaint
 * about the tenant (third-party data, Art 20(4)). Date of birth 1980-05-17, as {@code RequestTestSupport.command}
 * registers.
 */
public final class PortabilityTestData {

  /** The seeded item ids; {@code portable} lists the ones that belong in the export. */
  public record Tenant(String name, String email, String tenancyNumber, String iban, String contract,
      String payment, String preference, String contact, String repair, String adaptation, String workNote,
      String paymentRisk, String neighbourComplaint, String neighbourName, String complaintText,
      String medicalIndication) {
  }

  /** A person with only items outside portability: a work note, a derived class and a neighbour's complaint. */
  public record NothingPortable(String name, String email, String tenancyNumber, String workNote,
      String paymentRisk, String neighbourComplaint, String neighbourName) {
  }

  private PortabilityTestData() {
  }

  public static Tenant seed(JdbcTemplate jdbc, String name, String email, String tenancyNumber, String iban) {
    DemoRecords records = new DemoRecords(jdbc);
    Person person = person(name, email, tenancyNumber);
    Person neighbour = neighbour(name);
    String contract = records.contract(person, LocalDate.of(2015, 4, 1), null, "742.50");
    String payment = records.payment(contract, LocalDate.of(2025, 12, 1), "742.50", iban);
    String preference = records.marketing(person, "NEWSLETTER", true, Instant.parse("2023-02-01T09:12:00Z"));
    String contact = records.contact(person, "PHONE", "QUESTION", "Vraag over de \"servicekosten\", 2025",
        LocalDate.of(2026, 1, 15), LocalDate.of(2026, 1, 15));
    String repair = records.repair(person, "Lekkage aan de kraan", LocalDate.of(2025, 10, 6),
        LocalDate.of(2025, 10, 9), "Installatiebedrijf Van Dam");
    String indication = "Beperkte mobiliteit na operatie " + tenancyNumber;
    String adaptation = records.adaptation(person, LocalDate.of(2024, 5, 20), indication, "Traplift", "WMO-1");
    String workNote = records.workNote(person, "desk", LocalDate.of(2026, 2, 2), "Belde over de sleutel");
    String paymentRisk = records.paymentRisk(person, LocalDate.of(2026, 2, 1), "VERHOOGD",
        "3 van 12 betalingen te laat");
    String complaintText = neighbour.name() + " meldt geluidsoverlast 's nachts";
    String complaint = records.neighbourComplaint(neighbour, tenancyNumber, complaintText, LocalDate.of(2025, 9, 3));
    return new Tenant(name, email, tenancyNumber, iban, contract, payment, preference, contact, repair, adaptation,
        workNote, paymentRisk, complaint, neighbour.name(), complaintText, indication);
  }

  public static NothingPortable seedNothingPortable(JdbcTemplate jdbc, String name, String email,
      String tenancyNumber) {
    DemoRecords records = new DemoRecords(jdbc);
    Person person = person(name, email, tenancyNumber);
    Person neighbour = neighbour(name);
    String workNote = records.workNote(person, "desk", LocalDate.of(2026, 2, 2), "Belde over de sleutel");
    String paymentRisk = records.paymentRisk(person, LocalDate.of(2026, 2, 1), "LAAG", "alles op tijd");
    String complaint = records.neighbourComplaint(neighbour, tenancyNumber, neighbour.name() + " meldt overlast",
        LocalDate.of(2025, 9, 3));
    return new NothingPortable(name, email, tenancyNumber, workNote, paymentRisk, complaint, neighbour.name());
  }

  private static Person person(String name, String email, String tenancyNumber) {
    return new Person(name, LocalDate.of(1980, 5, 17), email, "06-11122233", tenancyNumber,
        "Wislaan 5, 1000 AA Amsterdam");
  }

  private static Person neighbour(String name) {
    return new Person("Buurvrouw " + name, LocalDate.of(1985, 7, 2), "buur." + Math.abs(name.hashCode())
        + "@voorbeeld.nl", "06-99988877", "NB-" + Math.abs(name.hashCode()), "Wislaan 7, 1000 AA Amsterdam");
  }
}
