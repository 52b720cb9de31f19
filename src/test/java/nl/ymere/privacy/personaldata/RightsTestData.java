package nl.ymere.privacy.personaldata;

import java.time.Instant;
import java.time.LocalDate;
import nl.ymere.privacy.personaldata.DemoRecords.Person;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A tenant of their own for each rectification or restriction test (the shared demo tenant must not change under
 * other tests): a tenancy contract (with recipients), a newsletter preference (mailing service), a customer contact
 * (no recipients) and a nuisance report (criminal-law data, nuisance team only; shared with police and municipality).
 * Date of birth 1980-05-17, as {@code RequestTestSupport.command} registers.
 */
public final class RightsTestData {

  /** The item ids seeded for one tenant. */
  public record Tenant(String name, String email, String phone, String tenancyNumber, String contract,
      String preference, String contact, String nuisanceReport) {
  }

  private RightsTestData() {
  }

  public static Tenant seed(JdbcTemplate jdbc, String name, String email, String tenancyNumber) {
    DemoRecords records = new DemoRecords(jdbc);
    String phone = "06-" + Math.abs(name.hashCode() % 100_000_000);
    Person person = new Person(name, LocalDate.of(1980, 5, 17), email, phone, tenancyNumber,
        "Beperkingstraat 7, 1000 AB Amsterdam");
    String contract = records.contract(person, LocalDate.of(2019, 6, 1), null, "801.20");
    String preference = records.marketing(person, "NEWSLETTER", true, Instant.parse("2024-03-01T08:00:00Z"));
    String contact = records.contact(person, "PHONE", "QUESTION", "Vraag over de servicekosten",
        LocalDate.of(2026, 1, 20), LocalDate.of(2026, 1, 20));
    long nuisanceCase = records.nuisanceCase("OV-" + tenancyNumber, tenancyNumber, LocalDate.of(2025, 9, 1));
    String report = records.nuisanceReport(nuisanceCase, "WITNESS_STATEMENT", LocalDate.of(2025, 9, 3),
        "Buurvrouw nr. 9", "Harde muziek na middernacht", "Politie Amsterdam; Gemeente (handhaving)");
    return new Tenant(name, email, phone, tenancyNumber, contract, preference, contact, report);
  }
}
