package nl.ymere.privacy.personaldata;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import nl.ymere.privacy.personaldata.DemoRecords.Person;
import nl.ymere.privacy.security.Groups;
import nl.ymere.privacy.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The personal-data source contract for {@link CameraFootageSource}; incident footage is criminal-law data. */
@IntegrationTest
class CameraFootageSourceTest extends PersonalDataSourceContract {

  @Autowired CameraFootageSource source;

  @Override
  PersonalDataSource source() {
    return source;
  }

  @Override
  String seedItem(DemoRecords records, Person person) {
    return records.footage(person, "CAM-2026-000009", Instant.parse("2026-03-01T20:00:00Z"),
        Instant.parse("2026-03-01T20:05:00Z"), null, "Persoon bij de hoofdingang", LocalDate.of(2026, 3, 29));
  }

  @Override
  Set<String> personalFields() {
    return Set.of("tenancyNumber", "storageKey", "describedAs");
  }

  @Override
  String correctableField() {
    return null;
  }

  @Override
  Set<String> recordedOpinions() {
    return Set.of("describedAs");
  }

  @Test
  void footageKeptForAnIncidentIsEvidenceForFacilityOnly() {
    String routine = seedItem(records, person);
    String incident = records.footage(person, "CAM-2026-000009", Instant.parse("2026-03-02T20:00:00Z"),
        Instant.parse("2026-03-02T20:05:00Z"), "INC-2026-010", "Persoon bij de hoofdingang", LocalDate.of(2026, 9, 1));

    assertThat(source.item(routine).orElseThrow().criminalLaw()).isFalse();
    assertThat(source.item(routine).orElseThrow().retention().endDate()).isEqualTo(LocalDate.of(2026, 3, 29));
    PersonalDataItem evidence = source.item(incident).orElseThrow();
    assertThat(evidence.criminalLaw()).isTrue();
    assertThat(evidence.recipients()).isNotEmpty();
    assertThat(source.flaggedItemReaders()).containsExactly(Groups.FACILITY);
    assertThat(source.export(incident)).containsEntry("recordedFrom", "2026-03-02T20:00:00Z");
  }
}
