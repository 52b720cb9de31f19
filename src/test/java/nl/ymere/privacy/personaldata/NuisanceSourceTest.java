package nl.ymere.privacy.personaldata;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Set;
import nl.ymere.privacy.personaldata.DemoRecords.Person;
import nl.ymere.privacy.security.Groups;
import nl.ymere.privacy.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The personal-data source contract for {@link NuisanceSource}, and its criminal-law flag (ROP-2, SEC-1). */
@IntegrationTest
class NuisanceSourceTest extends PersonalDataSourceContract {

  @Autowired NuisanceSource source;

  @Override
  PersonalDataSource source() {
    return source;
  }

  @Override
  String seedItem(DemoRecords records, Person person) {
    long caseId = records.nuisanceCase("OV-" + person.tenancyNumber(), person.tenancyNumber(),
        LocalDate.of(2025, 1, 1));
    return records.nuisanceReport(caseId, "WITNESS_STATEMENT", LocalDate.of(2025, 1, 2), "Buurman Bakker",
        "Harde muziek na middernacht", "Politie Amsterdam");
  }

  @Override
  Set<String> personalFields() {
    return Set.of("reportedBy", "content", "sharedWith");
  }

  @Override
  String correctableField() {
    return "sharedWith";
  }

  @Override
  Set<String> recordedOpinions() {
    return Set.of("content");
  }

  @Test
  void reportsAreCriminalLawDataForTheNuisanceTeamAndStatementsAreNotRewritten() {
    String report = seedItem(records, person);

    PersonalDataItem item = source.item(report).orElseThrow();

    assertThat(item.criminalLaw()).isTrue();
    assertThat(item.thirdPartyData()).isTrue();
    assertThat(item.recipients()).containsExactly("Politie Amsterdam");
    assertThat(source.flaggedItemReaders()).containsExactly(Groups.NUISANCE_TEAM);
    assertThat(source.correctableFields(report)).as("REC-1: recorded observations are not rewritten")
        .doesNotContain("content", "reportedBy");
  }
}
