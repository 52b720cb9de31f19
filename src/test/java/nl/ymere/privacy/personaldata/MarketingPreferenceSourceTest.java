package nl.ymere.privacy.personaldata;

import java.time.Instant;
import java.util.Set;
import nl.ymere.privacy.personaldata.DemoRecords.Person;
import nl.ymere.privacy.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

/** The personal-data source contract for {@link MarketingPreferenceSource}. */
@IntegrationTest
class MarketingPreferenceSourceTest extends PersonalDataSourceContract {

  @Autowired MarketingPreferenceSource source;

  @Override
  PersonalDataSource source() {
    return source;
  }

  @Override
  String seedItem(DemoRecords records, Person person) {
    return records.marketing(person, "NEWSLETTER", true, Instant.parse("2024-01-01T10:00:00Z"));
  }

  @Override
  Set<String> personalFields() {
    return Set.of("email", "name");
  }

  @Override
  String correctableField() {
    return "name";
  }
}
