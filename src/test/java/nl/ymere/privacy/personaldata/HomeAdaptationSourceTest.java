package nl.ymere.privacy.personaldata;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Set;
import nl.ymere.privacy.personaldata.DemoRecords.Person;
import nl.ymere.privacy.security.Groups;
import nl.ymere.privacy.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The personal-data source contract for {@link HomeAdaptationSource}, and its special-category flag (ROP-2). */
@IntegrationTest
class HomeAdaptationSourceTest extends PersonalDataSourceContract {

  @Autowired HomeAdaptationSource source;

  @Override
  PersonalDataSource source() {
    return source;
  }

  @Override
  String seedItem(DemoRecords records, Person person) {
    return records.adaptation(person, LocalDate.of(2024, 1, 10), "Rolstoelgebonden", "Drempels verwijderd",
        "WMO-1");
  }

  @Override
  Set<String> personalFields() {
    return Set.of("tenancyNumber", "applicantName", "medicalIndication", "wmoReference");
  }

  @Override
  String correctableField() {
    return "medicalIndication";
  }

  @Test
  void medicalIndicationsAreSpecialCategoryDataForTheAdaptationTeam() {
    PersonalDataItem item = source.item(seedItem(records, person)).orElseThrow();

    assertThat(item.specialCategory()).isTrue();
    assertThat(item.criminalLaw()).isFalse();
    assertThat(item.legalBasis()).isEqualTo(LegalBasis.CONSENT);
    assertThat(source.flaggedItemReaders()).containsExactly(Groups.HOUSING_ADAPTATION);
  }
}
