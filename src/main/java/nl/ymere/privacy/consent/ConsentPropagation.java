package nl.ymere.privacy.consent;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.ymere.privacy.legalhold.LegalHolds;
import nl.ymere.privacy.mail.OutboxService;
import nl.ymere.privacy.mail.RecipientRole;
import nl.ymere.privacy.personaldata.ConsentStatus;
import nl.ymere.privacy.personaldata.LegalBasis;
import nl.ymere.privacy.personaldata.ItemRef;
import nl.ymere.privacy.personaldata.PersonalDataItem;
import nl.ymere.privacy.personaldata.PersonalDataSources;
import nl.ymere.privacy.personaldata.SubjectKey;
import nl.ymere.privacy.process.RefusedStepException;
import nl.ymere.privacy.security.Groups;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The steps of {@code consent-withdrawal} (CON-2, Art 7(3)): the propagation steps to the sources and processors with
 * their due times, their confirmation by the desk, the escalation of a late step to the privacy officers, the erasure
 * of the data held only on the withdrawn consent and the confirmation to the person. Each step checks its
 * preconditions in the consent tables (the consent was withdrawn, this instance is the one the withdrawal started,
 * every step confirmed before erasure), never in process variables: an instance started or moved through the engine
 * API changes nothing.
 */
@Service("consentPropagation")
public class ConsentPropagation {

  private final ConsentRepository repository;
  private final PersonalDataSources sources;
  private final ConsentStatus consents;
  private final LegalHolds holds;
  private final OutboxService outbox;
  private final Clock clock;

  ConsentPropagation(ConsentRepository repository, PersonalDataSources sources, ConsentStatus consents,
      LegalHolds holds, OutboxService outbox, Clock clock) {
    this.repository = repository;
    this.sources = sources;
    this.consents = consents;
    this.holds = holds;
    this.outbox = outbox;
    this.clock = clock;
  }

  /** The multi-instance collection: the ids of the withdrawal's steps not yet confirmed. */
  public List<String> stepIds(String reference) {
    return repository.find(reference).filter(ConsentRecord::withdrawn)
        .map(consent -> repository.steps(consent.id()).stream().filter(step -> step.confirmedAt() == null)
            .map(step -> Long.toString(step.id())).toList())
        .orElse(List.of());
  }

  /** Due time of one step (timer and task due date, from the table). */
  public Date dueAt(String stepId) {
    return Date.from(step(stepId).dueAt());
  }

  /** The desk confirms the source or processor has stopped using the data (a form's checkbox). */
  @Transactional
  public void confirm(String stepId, String processInstanceId, boolean confirmed, String user) {
    if (!confirmed) {
      throw new RefusedStepException("Bevestig dat de intrekking is doorgegeven / confirm the withdrawal was passed on");
    }
    if (user == null) {
      throw new RefusedStepException("A propagation step is confirmed by a logged-in user");
    }
    PropagationStep step = step(stepId);
    requireOwnInstance(repository.consentOfStep(step.id()).orElseThrow(), processInstanceId);
    if (!repository.confirmStep(step.id(), clock.instant(), user)) {
      throw new RefusedStepException("Propagation step " + stepId + " was confirmed already");
    }
  }

  /** The step is past its due time: the privacy officers are told (codes, the organisation, the due time). */
  @Transactional
  public void escalate(String stepId, String processInstanceId) {
    PropagationStep step = step(stepId);
    ConsentRecord consent = repository.consentOfStep(step.id()).orElseThrow();
    requireOwnInstance(consent, processInstanceId);
    if (repository.escalateStep(step.id(), clock.instant())) {
      repository.setPropagationStatus(consent.id(), PropagationStatus.LATE);
      Map<String, Object> model = new LinkedHashMap<>();
      model.put("purpose", consent.purposeCode());
      model.put("targetKind", step.targetKind());
      model.put("targetName", step.targetName());
      model.put("dueOn", LocalDate.ofInstant(step.dueAt(), clock.getZone()));
      outbox.queueToGroup(consent.reference(), RecipientRole.PRIVACY_OFFICERS, Groups.PRIVACY_OFFICERS,
          "consent-propagation-late", model);
    }
  }

  /**
   * Art 7(3), ERA-1 (consent withdrawn, no other basis), item 7: once every step is confirmed, the list of the person's
   * consent-based items in the purpose's sources is drawn up: ERASE, or KEEP for an item under a legal hold or running
   * retention (RET-4, ERA-2), or still covered by another consent in force. Nothing is erased yet: a privacy officer
   * approves the list first ({@link #approveErasureList}).
   */
  @Transactional
  public void prepareErasureList(String reference, String processInstanceId) {
    ConsentRecord consent = withdrawn(reference);
    requireOwnInstance(consent, processInstanceId);
    if (repository.steps(consent.id()).stream().anyMatch(step -> step.confirmedAt() == null)) {
      throw new RefusedStepException("Consent " + reference + ": not every propagation step is confirmed");
    }
    if (!repository.markErasureListPrepared(consent.id(), clock.instant())) {
      throw new RefusedStepException("Consent " + reference + ": the erasure list was drawn up already");
    }
    Purpose purpose = repository.purpose(consent.purposeCode()).orElseThrow();
    SubjectKey subject = consent.subject();
    LocalDate today = LocalDate.now(clock);
    List<String> otherConsentPurposes = otherConsentSystems(purpose, subject);
    for (String systemId : purpose.sourceSystems()) {
      for (PersonalDataItem item : sources.source(systemId).find(subject)) {
        if (item.legalBasis() != LegalBasis.CONSENT) {
          continue;
        }
        String keep = keepReason(subject, item, systemId, today, otherConsentPurposes);
        repository.insertErasureItem(consent.id(), systemId, item.ref().itemId(), item.category(),
            keep == null ? ErasureListItem.ERASE : ErasureListItem.KEEP, keep);
      }
    }
  }

  /**
   * Four eyes on the erasure list (item 7): a logged-in privacy officer who confirmed none of this withdrawal's
   * propagation steps approves it (the task's checkbox); checked on the consent tables.
   */
  @Transactional
  public void approveErasureList(String reference, String processInstanceId, boolean approved, String user) {
    if (!approved) {
      throw new RefusedStepException("Keur de wislijst goed / approve the erasure list");
    }
    if (user == null) {
      throw new RefusedStepException("The erasure list is approved by a logged-in user");
    }
    ConsentRecord consent = withdrawn(reference);
    requireOwnInstance(consent, processInstanceId);
    if (repository.steps(consent.id()).stream().anyMatch(step -> user.equals(step.confirmedBy()))) {
      throw new RefusedStepException("Vier ogen: wie een stap van deze intrekking bevestigde, keurt de wislijst niet "
          + "goed / four eyes: who confirmed a propagation step cannot approve the erasure list");
    }
    if (!repository.approveErasureList(consent.id(), user, clock.instant())) {
      throw new RefusedStepException("Consent " + reference + ": the erasure list is not drawn up or approved already");
    }
  }

  /**
   * Erases the approved list's ERASE items through the sources (as the erasure of a request does); an item that came
   * under a legal hold since the approval is kept. Refused without an approval.
   */
  @Transactional
  public void eraseConsentOnlyData(String reference, String processInstanceId) {
    ConsentRecord consent = withdrawn(reference);
    requireOwnInstance(consent, processInstanceId);
    if (repository.erasureListApprovedBy(consent.id()).isEmpty()) {
      throw new RefusedStepException("Consent " + reference + ": the erasure list is not approved (four eyes)");
    }
    SubjectKey subject = consent.subject();
    LocalDate today = LocalDate.now(clock);
    int erased = 0;
    int kept = 0;
    for (ErasureListItem item : repository.erasureList(consent.id())) {
      ItemRef ref = new ItemRef(item.system(), item.itemId());
      if (ErasureListItem.ERASE.equals(item.decision()) && holds.holding(subject, ref, today).isEmpty()) {
        sources.erase(ref);
        erased++;
      } else {
        kept++;
      }
    }
    repository.setErasure(consent.id(), erased, kept);
  }

  private List<String> otherConsentSystems(Purpose purpose, SubjectKey subject) {
    return repository.purposes().stream()
        .filter(p -> p.legalBasis() == LegalBasis.CONSENT && !p.code().equals(purpose.code()))
        .filter(p -> consents.consentInForce(p.code(), subject).orElse(false))
        .flatMap(p -> p.sourceSystems().stream()).toList();
  }

  private String keepReason(SubjectKey subject, PersonalDataItem item, String systemId, LocalDate today,
      List<String> otherConsentSystems) {
    if (holds.holding(subject, item.ref(), today).isPresent()) {
      return "LEGAL_HOLD";
    }
    if (item.retention().runsOn(today)) {
      return "RETENTION";
    }
    return otherConsentSystems.contains(systemId) ? "OTHER_CONSENT" : null;
  }

  /**
   * The confirmation to the person (LET-1 through the outbox): withdrawn, passed on, what was erased or kept. By
   * e-mail to the address on the consent; without one, by post to the address given with the withdrawal or the
   * request; without either, none (recorded as NONE).
   */
  @Transactional
  public void sendConfirmation(String reference, String processInstanceId) {
    ConsentRecord consent = withdrawn(reference);
    requireOwnInstance(consent, processInstanceId);
    Purpose purpose = repository.purpose(consent.purposeCode()).orElseThrow();
    java.util.Optional<String> postal = repository.confirmationPostalAddress(consent.id());
    if (consent.subjectEmail() != null || postal.isPresent()) {
      Map<String, Object> model = new LinkedHashMap<>();
      model.put("purposeNl", purpose.nameNl());
      model.put("purposeEn", purpose.nameEn());
      model.put("withdrawnOn", LocalDate.ofInstant(consent.withdrawnAt(), clock.getZone()));
      model.put("erased", consent.erasedItems() == null ? 0 : consent.erasedItems());
      model.put("kept", consent.keptItems() == null ? 0 : consent.keptItems());
      model.put("targets", repository.steps(consent.id()).stream().map(PropagationStep::targetName).toList());
      RecipientRole role = consent.givenBy().representative() ? RecipientRole.REPRESENTATIVE
          : RecipientRole.DATA_SUBJECT;
      if (consent.subjectEmail() != null) {
        outbox.queue(consent.reference(), role, consent.subjectEmail(), "consent-withdrawal-confirmation", model);
        repository.setConfirmationChannel(consent.id(), "EMAIL");
      } else {
        // item 6: no e-mail address on file, so the confirmation goes by post (printed from /admin/outbox)
        outbox.queueLetter(consent.reference(), role, postal.get(), "consent-withdrawal-confirmation", model);
        repository.setConfirmationChannel(consent.id(), "LETTER");
      }
    } else {
      repository.setConfirmationChannel(consent.id(), "NONE");
    }
    repository.setPropagationStatus(consent.id(), PropagationStatus.DONE);
  }

  private ConsentRecord withdrawn(String reference) {
    ConsentRecord consent = repository.find(reference)
        .orElseThrow(() -> new RefusedStepException("No consent " + reference));
    if (!consent.withdrawn()) {
      throw new RefusedStepException("Consent " + reference + " was not withdrawn");
    }
    return consent;
  }

  private PropagationStep step(String stepId) {
    try {
      return repository.step(Long.parseLong(stepId))
          .orElseThrow(() -> new RefusedStepException("No propagation step " + stepId));
    } catch (NumberFormatException e) {
      throw new RefusedStepException("No propagation step " + stepId);
    }
  }

  /** Only the instance the withdrawal started may move its steps (an engine-API start finds nothing to do). */
  private static void requireOwnInstance(ConsentRecord consent, String processInstanceId) {
    if (!consent.withdrawn() || processInstanceId == null || !processInstanceId.equals(consent.processInstanceId())) {
      throw new RefusedStepException("Consent " + consent.reference() + " was not withdrawn by this process instance");
    }
  }
}
