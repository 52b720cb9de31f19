package nl.ymere.privacy.consent;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.ymere.privacy.deadline.DeadlineCalculator;
import nl.ymere.privacy.personaldata.LegalBasis;
import nl.ymere.privacy.personaldata.PersonalDataSources;
import nl.ymere.privacy.personaldata.SubjectKey;
import nl.ymere.privacy.process.SystemActions;
import nl.ymere.privacy.processor.AgreementRecord;
import nl.ymere.privacy.processor.ProcessorRegister;
import nl.ymere.privacy.web.ApiConflictException;
import nl.ymere.privacy.web.ApiFieldError;
import nl.ymere.privacy.web.ApiNotFoundException;
import nl.ymere.privacy.web.ApiUnprocessableException;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The consent register (issue 20): giving a consent per purpose (CON-1) against the purpose's current text, by the
 * person or their representative (CON-3), and withdrawing it (CON-2) as one service for every channel: the desk and
 * integrations ({@code POST /api/consents/{reference}/withdrawal}), the public page {@code /toestemming} and a
 * data-subject request of kind CONSENT_WITHDRAWAL (REQ-1). A withdrawal is effective at once (the register is what
 * {@code findUsable} and the sharing gate ask) and starts {@code consent-withdrawal}, which passes it on to every
 * source and processor of the purpose. Every check reads the product's tables; rejected input stores nothing.
 */
@Service
public class ConsentService {

  /** Art 8 GDPR, UAVG art 5: under 16 the holder of parental authority consents. */
  static final int AGE_OF_CONSENT = 16;

  private final ConsentRepository repository;
  private final PersonalDataSources sources;
  private final ProcessorRegister processors;
  private final DeadlineCalculator calculator;
  private final RuntimeService runtime;
  private final SystemActions system;
  private final ProcessorNotices notices;
  private final Clock clock;
  private final int propagationWorkingDays;

  ConsentService(ConsentRepository repository, PersonalDataSources sources, ProcessorRegister processors,
      DeadlineCalculator calculator, RuntimeService runtime, SystemActions system, ProcessorNotices notices,
      Clock clock,
      @Value("${privacy.consent.propagation-working-days:1}") int propagationWorkingDays) {
    this.repository = repository;
    this.sources = sources;
    this.processors = processors;
    this.calculator = calculator;
    this.runtime = runtime;
    this.system = system;
    this.notices = notices;
    this.clock = clock;
    this.propagationWorkingDays = propagationWorkingDays;
  }

  public List<Purpose> purposes() {
    return repository.purposes();
  }

  public Optional<ConsentText> currentText(String purpose) {
    return repository.currentText(purpose, clock.instant());
  }

  public Optional<ConsentRecord> find(String reference) {
    return repository.find(reference);
  }

  public List<ConsentRecord> ofSubject(SubjectKey subject) {
    return repository.ofSubject(subject);
  }

  public List<PropagationStep> steps(ConsentRecord consent) {
    return repository.steps(consent.id());
  }

  /**
   * Records a consent.
   *
   * @throws ApiUnprocessableException for an unknown or not consent-based purpose, a purpose without compatibility
   *     test (ROP-4) or without a current text, a text version that is not the current one, or a giver CON-3 does
   *     not accept; nothing is stored
   */
  @Transactional
  public ConsentRecord give(GiveConsent consent, String user) {
    Instant now = clock.instant();
    Purpose purpose = repository.purpose(consent.purpose()).orElseThrow(() -> new ApiUnprocessableException(
        "Onbekend doel / unknown purpose " + consent.purpose(), List.of(new ApiFieldError("purpose", "unknown"))));
    if (purpose.legalBasis() != LegalBasis.CONSENT) {
      throw new ApiUnprocessableException("Het doel " + purpose.code() + " heeft een andere grondslag dan toestemming "
          + "(ROP-3) / purpose " + purpose.code() + " is not consent-based (" + purpose.legalBasis() + ")",
          List.of(new ApiFieldError("purpose", "not consent-based")));
    }
    if (purpose.compatibilityTestRef() == null) {
      throw new ApiUnprocessableException("Het doel " + purpose.code() + " heeft nog geen verenigbaarheidstoets "
          + "(ROP-4) / purpose has no compatibility test record yet",
          List.of(new ApiFieldError("purpose", "no compatibility test (ROP-4)")));
    }
    if (!purpose.published()) {
      throw new ApiUnprocessableException("Het doel " + purpose.code() + " staat nog in geen versie van de "
          + "privacyverklaring (ROP-4) / purpose is not published in a privacy statement version yet",
          List.of(new ApiFieldError("purpose", "not published (ROP-4)")));
    }
    ConsentText text = repository.currentText(purpose.code(), now).orElseThrow(() -> new ApiUnprocessableException(
        "Voor het doel " + purpose.code() + " is geen geldige toestemmingstekst: toestemming kan niet worden gegeven / "
            + "purpose " + purpose.code() + " has no current consent text, so no consent can be given",
        List.of(new ApiFieldError("purpose", "no current consent text"))));
    if (consent.textVersion() != null && consent.textVersion() != text.version()) {
      throw new ApiUnprocessableException("Tekstversie " + consent.textVersion() + " is niet de geldende versie "
          + text.version() + " / text version is not the current version " + text.version(),
          List.of(new ApiFieldError("textVersion", "current version is " + text.version())));
    }
    checkGiver(consent.subject(), consent.givenBy(), consent.givenByName(), now, "givenBy");
    String reference = repository.nextReference(ZonedDateTime.ofInstant(now, clock.getZone()).getYear());
    repository.insert(reference, purpose.code(), text.version(), consent.subject(), consent.channel(),
        consent.givenBy(), blankToNull(consent.givenByName()), now, user);
    return repository.find(reference).orElseThrow();
  }

  /**
   * Withdraws a consent (CON-2): effective at this instant, then passed on to every source and processor of the
   * purpose by {@code consent-withdrawal}.
   *
   * @throws ApiNotFoundException for an unknown consent
   * @throws ApiConflictException when it was withdrawn already
   * @throws ApiUnprocessableException when a representative's name is missing (CON-3)
   */
  @Transactional
  public ConsentRecord withdraw(String reference, WithdrawConsent withdrawal, String user) {
    ConsentRecord consent = repository.find(reference)
        .orElseThrow(() -> new ApiNotFoundException("Onbekende toestemming / no consent " + reference));
    if (consent.withdrawn()) {
      throw new ApiConflictException("Toestemming " + reference + " is al ingetrokken / consent already withdrawn");
    }
    Instant now = clock.instant();
    // CON-3: either representative may withdraw; a withdrawal only stops processing, so the person's own withdrawal
    // (also a child's) is taken as well
    if (withdrawal.withdrawnBy().representative() && blankToNull(withdrawal.withdrawnByName()) == null) {
      throw new ApiUnprocessableException("Naam van de vertegenwoordiger ontbreekt / the representative's name is "
          + "required", List.of(new ApiFieldError("withdrawnByName", "required for a representative")));
    }
    if (!repository.withdraw(consent.id(), now, withdrawal.channel(), withdrawal.withdrawnBy(),
        blankToNull(withdrawal.withdrawnByName()), user, withdrawal.requestReference())) {
      throw new ApiConflictException("Toestemming " + reference + " is al ingetrokken / consent already withdrawn");
    }
    Instant due = dueAt(now);
    Purpose purpose = repository.purpose(consent.purposeCode()).orElseThrow();
    for (String systemId : purpose.sourceSystems()) {
      repository.insertStep(consent.id(), PropagationStep.SOURCE, systemId, sources.source(systemId).displayName(),
          null, due);
    }
    if (blankToNull(withdrawal.postalAddress()) != null) {
      repository.setConfirmationPostalAddress(consent.id(), withdrawal.postalAddress().strip());
    }
    ConsentRecord withdrawn = repository.find(reference).orElseThrow();
    for (AgreementRecord agreement : processors.receiving(purpose.code())) {
      long step = repository.insertStep(consent.id(), PropagationStep.PROCESSOR, agreement.partyCode(),
          agreement.partyName(), agreement.reference(), due);
      // item 6: the processor is told at once, through the outbox behind the sharing gate; the step stays open until
      // the desk records the processor's confirmation
      notices.noticeProcessor(step, withdrawn, purpose, agreement, due, user);
    }
    // the start is the system's consequence of a withdrawal the caller may record (the desk, the public page)
    String instanceId = system.call(() -> runtime.startProcessInstanceByKey(ConsentWithdrawalProcess.KEY, reference,
        Map.of(ConsentWithdrawalProcess.Variables.REFERENCE, reference))).getId();
    repository.setProcessInstance(consent.id(), instanceId);
    return repository.find(reference).orElseThrow();
  }

  /** CON-2: passed on within the configured number of working days (default 1), at the same time of day. */
  Instant dueAt(Instant withdrawnAt) {
    ZonedDateTime at = withdrawnAt.atZone(calculator.zone());
    LocalDate day = calculator.plusWorkingDays(at.toLocalDate(), propagationWorkingDays);
    return day.atTime(at.toLocalTime()).atZone(calculator.zone()).toInstant();
  }

  private void checkGiver(SubjectKey subject, GivenBy givenBy, String name, Instant now, String field) {
    LocalDate today = calculator.receiptDate(now);
    boolean under16 = subject.dateOfBirth() != null && today.isBefore(subject.dateOfBirth().plusYears(AGE_OF_CONSENT));
    if (givenBy == GivenBy.SELF && under16) {
      throw new ApiUnprocessableException("De betrokkene is jonger dan 16: de ouder met gezag of voogd geeft "
          + "toestemming (CON-3) / the person is under 16: the holder of parental authority must consent",
          List.of(new ApiFieldError(field, "PARENTAL_AUTHORITY required under 16")));
    }
    if (givenBy == GivenBy.PARENTAL_AUTHORITY && (subject.dateOfBirth() == null || !under16)) {
      throw new ApiUnprocessableException("Toestemming door de ouder met gezag alleen voor iemand jonger dan 16 met "
          + "bekende geboortedatum / parental consent only for a person under 16 with a date of birth",
          List.of(new ApiFieldError(field, "only for a person under 16 (subject.dateOfBirth)")));
    }
    if (givenBy.representative() && blankToNull(name) == null) {
      throw new ApiUnprocessableException("Naam van de vertegenwoordiger ontbreekt / the representative's name is "
          + "required", List.of(new ApiFieldError(field + "Name", "required for a representative")));
    }
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
