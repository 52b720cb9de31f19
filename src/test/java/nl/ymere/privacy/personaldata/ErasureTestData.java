package nl.ymere.privacy.personaldata;

import java.time.Instant;
import java.time.LocalDate;
import nl.ymere.privacy.personaldata.DemoRecords.Person;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A tenant of their own for each erasure test, with items in the tenancy, marketing, contact and work-note sources
 * (the demo tenant Jan de Vries is shared by every test in the context, so erasing his data would change other
 * tests). Date of birth 1980-05-17, as {@code RequestTestSupport.command} registers.
 */
public final class ErasureTestData {

  /** The item ids seeded for one tenant. */
  public record Tenant(String name, String email, String tenancyNumber, String iban, String contract,
      String oldPayment, String recentPayment, String preference, String contact, String workNote) {
  }

  private ErasureTestData() {
  }

  public static Tenant seed(JdbcTemplate jdbc, String name, String email, String tenancyNumber, String iban) {
    DemoRecords records = new DemoRecords(jdbc);
    Person person = new Person(name, LocalDate.of(1980, 5, 17), email, "06-11122233", tenancyNumber,
        "Wislaan 5, 1000 AA Amsterdam");
    String contract = records.contract(person, LocalDate.of(2015, 4, 1), null, "742.50");
    // fiscal retention (AWR art 52): 2018 ends 2025-12-31, 2025 runs until 2032-12-31
    String oldPayment = records.payment(contract, LocalDate.of(2018, 1, 2), "689.10", iban);
    String recentPayment = records.payment(contract, LocalDate.of(2025, 12, 1), "742.50", iban);
    String preference = records.marketing(person, "NEWSLETTER", true, Instant.parse("2023-02-01T09:12:00Z"));
    String contact = records.contact(person, "PHONE", "QUESTION", "Vraag over de huurverhoging",
        LocalDate.of(2026, 1, 15), LocalDate.of(2026, 1, 15));
    // found through the tenancy number only
    String workNote = records.workNote(person, "desk", LocalDate.of(2023, 1, 10), "Belde over de sleutel");
    return new Tenant(name, email, tenancyNumber, iban, contract, oldPayment, recentPayment, preference, contact,
        workNote);
  }
}
