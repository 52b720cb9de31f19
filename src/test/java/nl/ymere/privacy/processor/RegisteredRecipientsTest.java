package nl.ymere.privacy.processor;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import nl.ymere.privacy.personaldata.ItemRef;
import nl.ymere.privacy.personaldata.PersonalDataItem;
import nl.ymere.privacy.personaldata.PersonalDataSources;
import nl.ymere.privacy.personaldata.RightsTestData;
import nl.ymere.privacy.personaldata.RightsTestData.Tenant;
import nl.ymere.privacy.personaldata.SubjectKey;
import nl.ymere.privacy.request.RequestTestSupport;
import nl.ymere.privacy.support.IntegrationTest;
import org.camunda.bpm.engine.ProcessEngine;
import nl.ymere.privacy.support.ProcessAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 15 item 10 (ACC-1, Art 15(1)(c) as read by CJEU C-154/21): an item names its recipients individually where
 * the processor register knows them – exactly the parties the sharing gate would let the data through to – and the
 * category in words only while no party is registered for that purpose and data category.
 */
@IntegrationTest
class RegisteredRecipientsTest {

  static final LocalDate TODAY = LocalDate.of(2026, 3, 5);
  static final LocalDate EXPIRES = LocalDate.of(2027, 6, 30);

  @Autowired ProcessEngine engine;
  @Autowired ProcessorTestSupport support;
  @Autowired RequestTestSupport clock;
  @Autowired PersonalDataSources sources;
  @Autowired JdbcTemplate jdbc;

  Tenant tenant;
  String party;

  @BeforeEach
  void tenantWithANewsletterPreference() {
    ProcessAssertions.init(engine);
    clock.setNow(TODAY, 10, 0);
    party = ProcessorTestSupport.uniqueCode("MAILPOST");
    tenant = RightsTestData.seed(jdbc, "Rosa Ontvanger", party.toLowerCase() + "@example.nl", "HN-" + party);
  }

  @AfterEach
  void endTheAgreementSoOtherTestsSeeTheCategory() {
    jdbc.update("UPDATE privacy.pa_agreement SET status = 'TERMINATED' WHERE party_id IN "
        + "(SELECT id FROM privacy.pa_party WHERE code = ?)", party);
    clock.resetClock();
  }

  private List<String> recipientsOfThePreference() {
    return sources.source("marketing").item(tenant.preference()).map(PersonalDataItem::recipients).orElseThrow();
  }

  private String registerMailingService(List<String> purposes, List<String> categories, boolean approve) {
    RegisterAgreementCommand command = new RegisterAgreementCommand(party, "Mailpost B.V.", "dpo@mailpost.example",
        "Verzenden van de nieuwsbrief", "Huurders met een nieuwsbriefabonnement", purposes, categories, "NL", EXPIRES,
        true, false, false, false);
    String reference = support.start(command).reference();
    if (approve) {
      support.approveProcessor(reference);
    }
    return reference;
  }

  @Test
  void theCategoryIsNamedWhileNoPartyIsRegistered() {
    assertThat(recipientsOfThePreference()).containsExactly("Mailingdienst (verwerker)");
  }

  @Test
  void aProcessorWithAnApprovedAgreementForThePurposeAndCategoryIsNamedInsteadOfTheCategory() {
    registerMailingService(List.of("NEWSLETTER"), List.of("CONTACT_DETAILS"), true);

    assertThat(recipientsOfThePreference()).containsExactly("Mailpost B.V. (verwerker)");
    // every right reads items through the same sources: the dossier, the review and the Art 19 lists
    assertThat(sources.findUsable(new SubjectKey(null, null, tenant.email(), null)).stream().filter(item -> item.ref().equals(new ItemRef("marketing", tenant.preference())))
        .flatMap(item -> item.recipients().stream()).toList()).containsExactly("Mailpost B.V. (verwerker)");
  }

  @Test
  void onlyAnAgreementTheSharingGateWouldHonourNamesARecipient() {
    registerMailingService(List.of("NEWSLETTER"), List.of("CONTACT_DETAILS"), false);
    assertThat(recipientsOfThePreference()).as("a draft agreement is not in force")
        .containsExactly("Mailingdienst (verwerker)");

    registerMailingService(List.of("RENT_COLLECTION"), List.of("CONTACT_DETAILS"), true);
    assertThat(recipientsOfThePreference()).as("another purpose").containsExactly("Mailingdienst (verwerker)");

    registerMailingService(List.of("NEWSLETTER"), List.of("CONTACT_DETAILS"), true);
    assertThat(recipientsOfThePreference()).containsExactly("Mailpost B.V. (verwerker)");
    clock.setNow(EXPIRES.plusDays(1), 9, 0);
    assertThat(recipientsOfThePreference()).as("after the agreement expired")
        .containsExactly("Mailingdienst (verwerker)");
  }
}
