package nl.ymere.privacy.personaldata;

import java.time.LocalDate;
import java.util.Set;
import nl.ymere.privacy.personaldata.DemoRecords.Person;
import nl.ymere.privacy.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

/** The personal-data source contract for {@link WorkNoteSource}. */
@IntegrationTest
class WorkNoteSourceTest extends PersonalDataSourceContract {

  @Autowired WorkNoteSource source;

  @Override
  PersonalDataSource source() {
    return source;
  }

  @Override
  String seedItem(DemoRecords records, Person person) {
    return records.workNote(person, "desk", LocalDate.of(2026, 1, 5), "Terugbellen over de huur");
  }

  @Override
  Set<String> personalFields() {
    return Set.of("tenancyNumber", "note");
  }

  @Override
  String correctableField() {
    return null;
  }

  @Override
  Set<String> recordedOpinions() {
    return Set.of("note");
  }
}
