package nl.ymere.privacy.retention;

import static nl.ymere.privacy.retention.EndAction.ANONYMISE;
import static nl.ymere.privacy.retention.EndAction.DESTROY;
import static nl.ymere.privacy.retention.PeriodUnit.DAYS;
import static nl.ymere.privacy.retention.PeriodUnit.YEARS;

import java.time.LocalDate;
import nl.ymere.privacy.security.DemoSeeder;
import nl.ymere.privacy.security.Groups;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The demo's retention schedule (RET-1, ROP-1): an approved first version for every category of every demo source,
 * with the periods the sources state to the person (ACC-1). Proposed by the demo privacy officer and approved by the
 * demo FG (four eyes). Create-if-absent per category.
 */
@Component
@Order(11)
@ConditionalOnProperty(name = "privacy.demo.personal-data-enabled", havingValue = "true")
class RetentionScheduleDemo implements DemoSeeder {

  static final LocalDate SINCE = LocalDate.of(2020, 1, 1);

  private final RetentionSchedule schedule;

  RetentionScheduleDemo(RetentionSchedule schedule) {
    this.schedule = schedule;
  }

  @Override
  @Transactional
  public void seed() {
    entry("tenancy", "contract", "Verhuur van de woning en uitvoering van de huurovereenkomst", 7, YEARS,
        RetentionTrigger.END_OF_TENANCY, "Fiscale bewaarplicht, art 52 AWR; toezicht Autoriteit woningcorporaties",
        ANONYMISE, Groups.PRIVACY_DESK);
    entry("tenancy", "payment", "Financiële administratie van de huur", 7, YEARS, RetentionTrigger.END_OF_FISCAL_YEAR,
        "Fiscale bewaarplicht, art 52 AWR", ANONYMISE, Groups.PRIVACY_DESK);
    entry("repairs", "repairs", "Onderhoud en reparatie van de woning", 2, YEARS, RetentionTrigger.COMPLETION, null,
        DESTROY, Groups.PRIVACY_DESK);
    entry("contacts", "contacts", "Klantcontact en klachtafhandeling", 2, YEARS, RetentionTrigger.CLOSURE, null,
        DESTROY, Groups.PRIVACY_DESK);
    entry("nuisance", "nuisance", "Aanpak van overlast", 5, YEARS, RetentionTrigger.CLOSURE, null, DESTROY,
        Groups.NUISANCE_TEAM);
    entry("adaptation", "adaptation", "Woningaanpassing om medische redenen", 2, YEARS, RetentionTrigger.COMPLETION,
        null, DESTROY, Groups.HOUSING_ADAPTATION);
    entry("camera", "camera", "Beveiliging van gebouw en bewoners met camera's", 28, DAYS, RetentionTrigger.RECORDING,
        "CAM-5: 72 uur, ten hoogste 28 dagen; bij een incident tot de afhandeling", DESTROY, Groups.FACILITY);
    entry("marketing", "marketing", "Nieuwsbrief en bewonersonderzoek", 0, DAYS,
        RetentionTrigger.CONSENT_WITHDRAWAL, null, DESTROY, Groups.PRIVACY_DESK);
    entry("paymentrisk", "paymentrisk", "Voorkomen van huurachterstand", 2, YEARS, RetentionTrigger.RECORDING, null,
        DESTROY, Groups.PRIVACY_DESK);
    entry("worknotes", "worknotes", "Interne aantekeningen bij de dienstverlening", 2, YEARS,
        RetentionTrigger.RECORDING, null, DESTROY, Groups.PRIVACY_DESK);
    // RET-5 (issue 17 item 5): case files are kept as accountability evidence for two years after closure
    entry("complaint", "complaint", "Afhandeling van privacyklachten en verantwoording daarover", 2, YEARS,
        RetentionTrigger.CLOSURE, "Verantwoordingsplicht, art 5 lid 2 AVG", DESTROY, Groups.PRIVACY_DESK);
    entry("breach", "breach", "Afhandeling en registratie van datalekken", 2, YEARS, RetentionTrigger.CLOSURE,
        "Documentatieplicht datalekken, art 33 lid 5 AVG", DESTROY, Groups.PRIVACY_DESK);
    entry("request", "request", "Afhandeling van verzoeken van betrokkenen en verantwoording daarover", 2, YEARS,
        RetentionTrigger.CLOSURE, "Verantwoordingsplicht, art 5 lid 2 AVG", DESTROY, Groups.PRIVACY_DESK);
    entry("ap-inquiry", "ap-inquiry", "Beantwoorden van vragen en onderzoeken van de Autoriteit Persoonsgegevens", 2,
        YEARS, RetentionTrigger.CLOSURE, "Verantwoordingsplicht, art 5 lid 2 AVG", DESTROY, Groups.PRIVACY_DESK);
  }

  private void entry(String system, String category, String purpose, int amount, PeriodUnit unit,
      RetentionTrigger trigger, String statutory, EndAction action, String owner) {
    schedule.seed(system, category, purpose, amount, unit, trigger, statutory, action, owner, SINCE, "officer", "fg");
  }
}
