package nl.ymere.privacy.personaldata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Set;
import nl.ymere.privacy.personaldata.DemoRecords.Person;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The contract for tenancy contracts, plus matching on each identifier and the date-of-birth correction; run on H2
 * ({@link TenancyContractSourceTest}) and PostgreSQL ({@link TenancyContractSourcePostgresTest}).
 */
abstract class TenancyContractSourceContract extends PersonalDataSourceContract {

  @Autowired TenancySource tenancy;

  @Override
  PersonalDataSource source() {
    return tenancy;
  }

  @Override
  String seedItem(DemoRecords records, Person person) {
    return records.contract(person, LocalDate.of(2020, 1, 1), null, "750.00");
  }

  @Override
  Set<String> personalFields() {
    return Set.of("tenancyNumber", "name", "dateOfBirth", "email", "phone", "address");
  }

  @Override
  String correctableField() {
    return "address";
  }

  @Test
  void matchesOnEachIdentifierButNotOnANameAlone() {
    String itemId = seedItem(records, person);

    assertThat(tenancy.find(SubjectKey.ofTenancy(person.tenancyNumber()))).extracting(PersonalDataItem::itemId)
        .containsExactly(itemId);
    assertThat(tenancy.find(SubjectKey.ofEmail(person.email().toUpperCase()))).extracting(PersonalDataItem::itemId)
        .containsExactly(itemId);
    assertThat(tenancy.find(new SubjectKey(person.name().toLowerCase(), person.dateOfBirth(), null, null)))
        .extracting(PersonalDataItem::itemId).containsExactly(itemId);
    assertThat(tenancy.find(new SubjectKey(person.name(), person.dateOfBirth().plusDays(1), null, null))).isEmpty();
    assertThatThrownBy(() -> new SubjectKey(person.name(), null, null, null))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void correctsTheDateOfBirthAsADate() {
    String itemId = seedItem(records, person);

    tenancy.correct(itemId, "dateOfBirth", "1980-02-29");

    assertThat(tenancy.export(itemId)).containsEntry("dateOfBirth", "1980-02-29");
    assertThatThrownBy(() -> tenancy.correct(itemId, "dateOfBirth", "1980-02-30"))
        .isInstanceOf(PersonalDataException.class);
    assertThatThrownBy(() -> tenancy.correct(itemId, "monthlyRent", "1.00"))
        .isInstanceOf(FieldNotCorrectableException.class);
    assertThat(tenancy.export(itemId)).containsEntry("dateOfBirth", "1980-02-29")
        .containsEntry("monthlyRent", "750.00");
  }

  @Test
  void aContractWithPaymentsCannotBeErasedBeforeThem() {
    String contract = seedItem(records, person);
    String payment = records.payment(contract, LocalDate.of(2024, 3, 1), "750.00", "NL02RABO0123456789");

    assertThatThrownBy(() -> tenancy.erase(contract)).isInstanceOf(PersonalDataException.class);
    assertThat(tenancy.item(contract)).isPresent();

    tenancy.erase(payment);
    tenancy.erase(contract);
    assertThat(tenancy.find(person.key())).isEmpty();
  }

  /** BRE-4: every live contract's person, by tenancy number, for the list of persons affected by a breach. */
  @Test
  void listsThePersonsOfItsLiveContracts() {
    String contract = seedItem(records, person);

    assertThat(tenancy.subjects("contract")).extracting(SubjectKey::tenancyNumber).contains(person.tenancyNumber());
    assertThat(tenancy.subjects("nosuchcategory")).isEmpty();
    tenancy.anonymise(contract);
    assertThat(tenancy.subjects("contract")).extracting(SubjectKey::tenancyNumber)
        .doesNotContain(person.tenancyNumber());
  }
}
