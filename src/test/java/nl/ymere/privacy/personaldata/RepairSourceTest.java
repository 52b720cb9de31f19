package nl.ymere.privacy.personaldata;

import java.time.LocalDate;
import java.util.Set;
import nl.ymere.privacy.personaldata.DemoRecords.Person;
import nl.ymere.privacy.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

/** The personal-data source contract for {@link RepairSource}. */
@IntegrationTest
class RepairSourceTest extends PersonalDataSourceContract {

  @Autowired RepairSource source;

  @Override
  PersonalDataSource source() {
    return source;
  }

  @Override
  String seedItem(DemoRecords records, Person person) {
    return records.repair(person, "Deur klemt", LocalDate.of(2025, 2, 3), LocalDate.of(2025, 2, 5),
        "Aannemer Jansen");
  }

  @Override
  Set<String> personalFields() {
    return Set.of("tenancyNumber", "reporterName", "contactPhone", "address", "description");
  }

  @Override
  String correctableField() {
    return "description";
  }
}
