package nl.ymere.privacy.personaldata;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Set;
import nl.ymere.privacy.personaldata.DemoRecords.Person;
import nl.ymere.privacy.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The personal-data source contract for {@link CustomerContactSource}, and a neighbour's complaint. */
@IntegrationTest
class CustomerContactSourceTest extends PersonalDataSourceContract {

  @Autowired CustomerContactSource source;

  @Override
  PersonalDataSource source() {
    return source;
  }

  @Override
  String seedItem(DemoRecords records, Person person) {
    return records.contact(person, "PHONE", "QUESTION", "Vraag over de servicekosten", LocalDate.of(2025, 3, 3),
        LocalDate.of(2025, 3, 3));
  }

  @Override
  Set<String> personalFields() {
    return Set.of("tenancyNumber", "contactName", "email", "summary");
  }

  @Override
  String correctableField() {
    return "contactName";
  }

  @Override
  Set<String> recordedOpinions() {
    return Set.of("summary");
  }

  @Test
  void aNeighboursComplaintAboutThePersonIsThirdPartyData() {
    String complaint = records.neighbourComplaint(someoneElse, person.tenancyNumber(), "Geluidsoverlast", LocalDate.of(
        2025, 9, 3));

    assertThat(source.find(person.key())).filteredOn(item -> item.itemId().equals(complaint)).singleElement()
        .satisfies(item -> {
          assertThat(item.thirdPartyData()).isTrue();
          assertThat(item.providedBySubject()).isFalse();
          assertThat(item.legalBasis()).isEqualTo(LegalBasis.LEGITIMATE_INTEREST);
          assertThat(item.origin()).contains("buurtbewoner");
        });
    assertThat(source.find(SubjectKey.ofEmail(person.email()))).as("a complaint about someone names his tenancy only")
        .extracting(PersonalDataItem::itemId).doesNotContain(complaint);
  }
}
