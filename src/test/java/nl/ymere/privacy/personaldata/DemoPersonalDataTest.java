package nl.ymere.privacy.personaldata;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import nl.ymere.privacy.security.Groups;
import nl.ymere.privacy.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The demo tenant has items in every demo source, with the flags the later rights processes need, and seeding again
 * adds nothing (create-if-absent).
 */
@IntegrationTest
class DemoPersonalDataTest {

  static final DataReader OFFICER = new DataReader("officer", Set.of(Groups.PRIVACY_OFFICERS));

  @Autowired PersonalDataSources sources;
  @Autowired DemoPersonalData demoData;
  @Autowired JdbcTemplate jdbc;

  @Test
  void theDemoTenantHasItemsInEverySource() {
    List<PersonalDataItem> items =
        sources.findAll(DemoPersonalData.TENANT.key(), AccessPurpose.OVERSIGHT, OFFICER);

    assertThat(items).extracting(PersonalDataItem::system).containsAll(
        sources.all().stream().map(PersonalDataSource::system).toList());
    assertThat(sources.all()).extracting(PersonalDataSource::system).contains("tenancy", "repairs", "contacts",
        "nuisance", "adaptation", "marketing", "worknotes", "camera", "paymentrisk");
    assertThat(items).filteredOn(PersonalDataItem::thirdPartyData).extracting(PersonalDataItem::system)
        .contains("contacts");
    assertThat(items).anySatisfy(item -> assertThat(item.criminalLaw()).isTrue());
    assertThat(items).anySatisfy(item -> assertThat(item.specialCategory()).isTrue());
    assertThat(items).anySatisfy(item -> assertThat(item.legalBasis()).isEqualTo(LegalBasis.LEGAL_OBLIGATION));
    assertThat(items).anySatisfy(item -> assertThat(item.legalBasis()).isEqualTo(LegalBasis.CONSENT));
  }

  @Test
  void theTenantIsFoundByEachSingleIdentifierInTheSourcesThatHoldIt() {
    assertThat(sources.findAll(SubjectKey.ofEmail("Jan.DeVries@example.org"), AccessPurpose.OVERSIGHT, OFFICER))
        .extracting(PersonalDataItem::system).contains("tenancy", "contacts", "marketing");
    assertThat(sources.findAll(SubjectKey.ofTenancy("HV-100234"), AccessPurpose.OVERSIGHT, OFFICER))
        .extracting(PersonalDataItem::system)
        .contains("tenancy", "repairs", "nuisance", "adaptation", "worknotes", "camera");
  }

  @Test
  void seedingAgainAddsNothing() {
    long before = jdbc.queryForObject("SELECT COUNT(*) FROM privacy.work_note", Long.class);

    demoData.seed();

    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM privacy.work_note", Long.class)).isEqualTo(before);
  }
}
