package nl.ymere.privacy.personaldata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import nl.ymere.privacy.personaldata.DemoRecords.Person;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What every {@link PersonalDataSource} must do, run against each implementation by a subclass: find a person's items
 * with their ACC-1 description, export them, correct a field (Art 16, REC-1), set and lift the processing block
 * (Art 18, RES-2), erase (Art 17, ERA-5) and anonymise irreversibly (RET-2). A real system's connector extends this
 * class too. Each test works on a person of its own, so the shared database may hold anything else.
 */
abstract class PersonalDataSourceContract {

  @Autowired JdbcTemplate jdbc;
  @Autowired PersonalDataSources sources;

  DemoRecords records;
  Person person;
  Person someoneElse;

  /** The source under test. */
  abstract PersonalDataSource source();

  /** Creates one item of this source about {@code person} and returns its item id. */
  abstract String seedItem(DemoRecords records, Person person);

  /** Fields the export holds before anonymisation and no longer after it. */
  abstract Set<String> personalFields();

  /** A text field that can be corrected, or null when the source has none (only statements, REC-1). */
  abstract String correctableField();

  /** The fields that record someone's opinion or observation (REC-1: never rewritten). */
  Set<String> recordedOpinions() {
    return Set.of();
  }

  @BeforeEach
  void freshPeople() {
    records = new DemoRecords(jdbc);
    person = newPerson();
    someoneElse = newPerson();
  }

  static Person newPerson() {
    String id = UUID.randomUUID().toString().substring(0, 8);
    return new Person("Proef Persoon " + id, LocalDate.of(1940, 1, 1).plusDays(ThreadLocalRandom.current()
        .nextInt(20000)), "proef." + id + "@example.org", "06-" + id, "T-" + id, "Proefstraat " + id + ", Amsterdam");
  }

  @Test
  void findsThePersonsItemWithItsDescription() {
    String itemId = seedItem(records, person);
    String othersItem = seedItem(records, someoneElse);

    List<PersonalDataItem> found = source().find(person.key());

    assertThat(found).extracting(PersonalDataItem::itemId).contains(itemId).doesNotContain(othersItem);
    PersonalDataItem item = found.stream().filter(i -> i.itemId().equals(itemId)).findFirst().orElseThrow();
    assertThat(item.system()).isEqualTo(source().system());
    assertThat(item.category()).isNotBlank();
    assertThat(item.purpose()).isNotBlank();
    assertThat(item.origin()).isNotBlank();
    assertThat(item.legalBasis()).isNotNull();
    assertThat(item.recipients()).isNotNull();
    assertThat(item.retention().rule()).isNotBlank();
    assertThat(item.restricted()).isFalse();
    assertThat(source().item(itemId)).contains(item);
    assertThat(source().item("unknown-1")).isEmpty();
    if (item.flagged()) {
      assertThat(source().flaggedItemReaders()).as("flagged items name their restricted team (SEC-1)").isNotEmpty();
    }
  }

  @Test
  void exportsTheItemsContent() {
    String itemId = seedItem(records, person);

    Map<String, String> export = source().export(itemId);

    assertThat(export).containsKeys(personalFields().toArray(String[]::new));
    assertThat(export.values()).allSatisfy(value -> assertThat(value).isNotNull());
    assertThatThrownBy(() -> source().export("unknown-1"))
        .isInstanceOf(UnknownItemException.class);
  }

  @Test
  void correctsAFieldAndRefusesAnUncorrectableOneChangingNothing() {
    org.junit.jupiter.api.Assumptions.assumeTrue(correctableField() != null, "no correctable field: statements only");
    String itemId = seedItem(records, person);
    String corrected = "Gecorrigeerd " + UUID.randomUUID().toString().substring(0, 8);
    assertThat(source().correctableFields(itemId)).contains(correctableField());

    source().correct(itemId, correctableField(), corrected);

    assertThat(source().export(itemId)).containsEntry(correctableField(), corrected);
    Map<String, String> before = source().export(itemId);
    assertThatThrownBy(() -> source().correct(itemId, "noSuchField", "x"))
        .isInstanceOf(FieldNotCorrectableException.class)
        .hasMessageNotContaining(person.name());
    assertThat(source().export(itemId)).isEqualTo(before);
    assertThatThrownBy(() -> source().correct(itemId.replaceAll("\\d+$", "0"), correctableField(), "x"))
        .isInstanceOf(UnknownItemException.class);
  }

  /** REC-1, issue 15 item 9: a recorded opinion is never rewritten, through the source or through the registry. */
  @Test
  void neverRewritesARecordedOpinion() {
    String itemId = seedItem(records, person);
    assertThat(source().recordedOpinions(itemId)).isEqualTo(recordedOpinions());
    assertThat(source().correctableFields(itemId)).allSatisfy(field -> assertThat(recordedOpinions())
        .doesNotContain(field));
    Map<String, String> before = source().export(itemId);
    for (String opinion : recordedOpinions()) {
      assertThat(before).containsKey(opinion);
      assertThatThrownBy(() -> source().correct(itemId, opinion, "Herschreven"))
          .isInstanceOf(RecordedOpinionException.class).hasMessageContaining("REC-1");
      assertThatThrownBy(() -> sources.correct(new ItemRef(source().system(), itemId), opinion, "Herschreven"))
          .isInstanceOf(RecordedOpinionException.class);
    }
    assertThat(source().export(itemId)).isEqualTo(before);
  }

  @Test
  void setsAndLiftsTheProcessingBlock() {
    String itemId = seedItem(records, person);

    source().restrict(itemId, true);
    assertThat(source().item(itemId)).hasValueSatisfying(item -> assertThat(item.restricted()).isTrue());
    assertThat(source().find(person.key())).filteredOn(item -> item.itemId().equals(itemId)).singleElement()
        .satisfies(item -> assertThat(item.restricted()).isTrue());

    source().restrict(itemId, false);
    assertThat(source().item(itemId)).hasValueSatisfying(item -> assertThat(item.restricted()).isFalse());
  }

  @Test
  void erasesTheItemForGood() {
    String itemId = seedItem(records, person);
    String othersItem = seedItem(records, someoneElse);

    source().erase(itemId);

    assertThat(source().find(person.key())).extracting(PersonalDataItem::itemId).doesNotContain(itemId);
    assertThat(source().item(itemId)).isEmpty();
    assertThatThrownBy(() -> source().export(itemId)).isInstanceOf(UnknownItemException.class);
    assertThatThrownBy(() -> source().erase(itemId)).isInstanceOf(UnknownItemException.class);
    assertThat(source().item(othersItem)).as("someone else's item stays").isPresent();
  }

  @Test
  void anonymisesIrreversibly() {
    String itemId = seedItem(records, person);

    source().anonymise(itemId);

    assertThat(source().find(person.key())).extracting(PersonalDataItem::itemId).doesNotContain(itemId);
    assertThat(source().item(itemId)).isEmpty();
    Map<String, String> left;
    try {
      left = source().export(itemId);
    } catch (UnknownItemException movedToStatistics) {
      left = Map.of(); // RET-2: the tenancy source keeps only counts (TenancyAnonymisationTest)
    }
    assertThat(left).doesNotContainKeys(personalFields().toArray(String[]::new));
    assertThat(String.join("|", left.values()))
        .doesNotContain(person.name(), person.email(), person.tenancyNumber(), person.phone(), person.address());
  }
}
