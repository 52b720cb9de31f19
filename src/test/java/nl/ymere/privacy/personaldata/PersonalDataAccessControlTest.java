package nl.ymere.privacy.personaldata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.ymere.privacy.personaldata.DemoRecords.Person;
import nl.ymere.privacy.security.Groups;
import nl.ymere.privacy.support.IntegrationTest;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * SEC-1 and DESIGN principle 5: special-category and criminal-law items are read only by the owning restricted team
 * and the privacy officers, and every read of them, granted or refused, is in {@code personal_data_access_log}.
 */
@IntegrationTest
class PersonalDataAccessControlTest {

  static final DataReader DESK = new DataReader("desk", Set.of(Groups.PRIVACY_DESK));
  static final DataReader OFFICER = new DataReader("officer", Set.of(Groups.PRIVACY_OFFICERS));

  @Autowired PersonalDataSources sources;
  @Autowired IdentityService identityService;
  @Autowired JdbcTemplate jdbc;

  Person person;
  String repair;
  String report;
  String adaptation;

  @BeforeEach
  void seed() {
    DemoRecords records = new DemoRecords(jdbc);
    person = PersonalDataSourceContract.newPerson();
    repair = records.repair(person, "Kapotte bel", LocalDate.of(2025, 5, 1), null, null);
    long caseId =
        records.nuisanceCase("OV-" + person.tenancyNumber(), person.tenancyNumber(), LocalDate.of(2025, 6, 1));
    report = records.nuisanceReport(caseId, "POLICE_REPORT", LocalDate.of(2025, 6, 2), "Politie", "Proces-verbaal",
        null);
  }

  @AfterEach
  void clearAuthentication() {
    identityService.clearAuthentication();
  }

  @Test
  void theDeskIsRefusedTheNuisanceItemAndTheRefusalIsLogged() {
    assertThatThrownBy(() -> sources.findAll(person.key(), AccessPurpose.ACCESS_REQUEST, DESK))
        .isInstanceOf(RestrictedDataAccessDeniedException.class)
        .hasMessageContaining(report)
        .hasMessageNotContaining(person.name());

    assertThat(log(report)).containsExactly(Map.of("user_id", "desk", "source_system", "nuisance",
        "purpose", "ACCESS_REQUEST", "granted", false));
    assertThat(log(repair)).as("unflagged items are not logged").isEmpty();
  }

  @Test
  void theNuisanceTeamReadsItAsTheEngineAuthenticatedUserAndTheReadIsLogged() {
    identityService.setAuthentication("nuisance", List.of(Groups.NUISANCE_TEAM));

    List<PersonalDataItem> items =
        sources.findAll(person.key(), AccessPurpose.CASE_HANDLING, DataReader.current(identityService));

    assertThat(items).extracting(PersonalDataItem::itemId).contains(repair, report);
    assertThat(log(report)).containsExactly(Map.of("user_id", "nuisance", "source_system", "nuisance",
        "purpose", "CASE_HANDLING", "granted", true));
  }

  @Test
  void exportIsGuardedAndLoggedTheSameWay() {
    ItemRef ref = new ItemRef(NuisanceSource.SYSTEM, report);

    assertThatThrownBy(() -> sources.export(ref, AccessPurpose.ACCESS_REQUEST, DESK))
        .isInstanceOf(RestrictedDataAccessDeniedException.class);
    assertThat(sources.export(ref, AccessPurpose.ACCESS_REQUEST, OFFICER)).containsEntry("content", "Proces-verbaal");
    assertThat(sources.export(new ItemRef(RepairSource.SYSTEM, repair), AccessPurpose.ACCESS_REQUEST, DESK))
        .containsEntry("description", "Kapotte bel");

    assertThat(log(report)).extracting(row -> row.get("user_id") + ":" + row.get("granted"))
        .containsExactly("desk:false", "officer:true");
  }

  @Test
  void exportingEverythingLogsEachFlaggedItemOnce() {
    List<ItemContent> contents = sources.exportAll(person.key(), AccessPurpose.ACCESS_REQUEST, OFFICER);

    assertThat(contents).extracting(content -> content.item().itemId()).containsExactlyInAnyOrder(repair, report);
    assertThat(contents).filteredOn(content -> content.item().itemId().equals(report)).singleElement()
        .satisfies(content -> assertThat(content.fields()).containsEntry("content", "Proces-verbaal"));
    assertThat(log(report)).extracting(row -> row.get("user_id") + ":" + row.get("granted"))
        .containsExactly("officer:true");
    assertThatThrownBy(() -> sources.exportAll(person.key(), AccessPurpose.ACCESS_REQUEST, DESK))
        .isInstanceOf(RestrictedDataAccessDeniedException.class);
  }

  @Test
  void eachRestrictedTeamSeesOnlyItsOwnFlaggedData() {
    adaptation = new DemoRecords(jdbc).adaptation(person, LocalDate.of(2024, 1, 1), "Slechtziend", "Extra verlichting",
        null);
    DataReader nuisanceTeam = new DataReader("nuisance", Set.of(Groups.NUISANCE_TEAM));

    assertThatThrownBy(() -> sources.findAll(person.key(), AccessPurpose.CASE_HANDLING, nuisanceTeam))
        .isInstanceOf(RestrictedDataAccessDeniedException.class);
    assertThat(sources.countUnreadable(person.key(), nuisanceTeam)).isEqualTo(1);
    assertThat(log(adaptation)).extracting(row -> row.get("granted")).containsExactly(false);
    assertThat(log(report)).as("nothing was handed out, so no granted read").isEmpty();
    assertThat(sources.findAll(person.key(), AccessPurpose.OVERSIGHT, OFFICER)).hasSize(3);
  }

  @Test
  void nobodyReadsAnonymously() {
    identityService.clearAuthentication();

    assertThatThrownBy(() -> DataReader.current(identityService)).isInstanceOf(IllegalStateException.class);
  }

  /** The item's log rows (JdbcTemplate rows are case-insensitive maps, so H2's upper-case names work too). */
  private List<Map<String, Object>> log(String itemId) {
    return jdbc.queryForList("SELECT user_id, source_system, purpose, granted FROM privacy.personal_data_access_log "
            + "WHERE item_id = ? ORDER BY id", itemId).stream()
        .map(row -> Map.of("user_id", row.get("user_id"), "source_system", row.get("source_system"),
            "purpose", row.get("purpose"), "granted", row.get("granted")))
        .toList();
  }
}
