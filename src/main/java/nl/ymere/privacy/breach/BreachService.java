package nl.ymere.privacy.breach;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.ymere.privacy.breach.BreachCodes.ConsequenceLevel;
import nl.ymere.privacy.breach.BreachCodes.Exemption;
import nl.ymere.privacy.breach.BreachCodes.Risk;
import nl.ymere.privacy.breach.BreachRepository.ApNotification;
import nl.ymere.privacy.mail.Channel;
import nl.ymere.privacy.mail.OrganisationDetails;
import nl.ymere.privacy.mail.OutboxService;
import nl.ymere.privacy.mail.QueuedMessage;
import nl.ymere.privacy.mail.RecipientRole;
import nl.ymere.privacy.process.RefusedStepException;
import nl.ymere.privacy.process.RefusedStepException.Kind;
import nl.ymere.privacy.process.SystemActions;
import nl.ymere.privacy.security.Groups;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;

/**
 * The steps of a data breach (BRE-1..BRE-4), each checking its preconditions in {@code privacy.breach}, never in
 * process variables (DESIGN principle 9): the FG fixes the moment of awareness but never decides (Art 38(6)); a
 * privacy officer decides the risk with reasons and a second officer confirms (four eyes, enforced here against the
 * stored decider as well as by the shared task listener); a notification after the deadline needs the reasons for
 * the delay; letters to the persons go through the outbox.
 */
@Service
public class BreachService {

  static final String PERSON_NOTICE = "breach-person-notice";
  static final String PERSON_NOTICE_ENGLISH = "breach-person-notice-en";

  private final BreachRepository breaches;
  private final BreachTimers timers;
  private final BreachRiskModel model;
  private final OutboxService outbox;
  private final BreachPersons persons;
  private final IdentityService identityService;
  private final TaskService taskService;
  private final SystemActions systemActions;
  private final OrganisationDetails organisation;
  private final Clock clock;

  BreachService(BreachRepository breaches, BreachTimers timers, BreachRiskModel model, OutboxService outbox,
      BreachPersons persons, IdentityService identityService, TaskService taskService,
      SystemActions systemActions, OrganisationDetails organisation, Clock clock) {
    this.breaches = breaches;
    this.timers = timers;
    this.model = model;
    this.outbox = outbox;
    this.persons = persons;
    this.identityService = identityService;
    this.taskService = taskService;
    this.systemActions = systemActions;
    this.organisation = organisation;
    this.clock = clock;
  }

  public java.util.Optional<Breach> find(String reference) {
    return breaches.findByReference(reference);
  }

  /**
   * BRE-1: the FG fixes the moment of awareness (reasonable certainty that personal data are affected). It may not lie
   * before detection or in the future; when it differs from detection the reason is required. Once fixed, the
   * deadline is set as due date on every open task of the breach.
   */
  Instant recordAwareness(String reference, String processInstanceId, OffsetDateTime awarenessAt, String reason,
      String user, String currentTaskId) {
    Breach breach = breachOf(reference, processInstanceId);
    if (!isMember(user, Groups.FG)) {
      throw new RefusedStepException(Kind.NOT_ALLOWED, "Alleen de FG legt het moment van bewustwording vast (BRE-1).");
    }
    if (breach.awarenessAt() != null) {
      throw new RefusedStepException(Kind.NOT_ALLOWED, "Het moment van bewustwording van " + reference
          + " is al vastgelegd.");
    }
    if (awarenessAt == null) {
      throw new RefusedStepException("Vul het moment van bewustwording in (datum en tijd met tijdzone).");
    }
    Instant awareness = awarenessAt.toInstant();
    if (awareness.isBefore(breach.detectedAt())) {
      throw new RefusedStepException("Het moment van bewustwording ligt vóór de ontdekking van het incident "
          + "(awareness before detection).");
    }
    if (awareness.isAfter(clock.instant().plus(Duration.ofMinutes(5)))) {
      throw new RefusedStepException("Het moment van bewustwording ligt in de toekomst.");
    }
    if (!awareness.equals(breach.detectedAt()) && (reason == null || reason.isBlank())) {
      throw new RefusedStepException("Het moment van bewustwording wijkt af van de ontdekking: geef de reden "
          + "(awarenessReason).");
    }
    Instant deadline = timers.deadlineFor(awareness);
    breaches.recordAwareness(breach.id(), awareness, awarenessAt.getOffset().getId(), reason, user, deadline);
    breaches.addNote(breach.id(), "AWARENESS_RECORDED", null, null, user, clock.instant());
    Date due = Date.from(deadline);
    for (Task task : systemActions.call(() -> taskService.createTaskQuery().processInstanceId(processInstanceId)
        .list())) {
      if (!task.getId().equals(currentTaskId)) {
        systemActions.run(() -> {
          task.setDueDate(due);
          taskService.saveTask(task);
        });
      }
    }
    return deadline;
  }

  /** The AP deadline of the breach, or null before the FG fixed the moment of awareness. */
  Instant deadlineOf(String reference) {
    return breaches.findByReference(reference).map(Breach::deadlineAt).orElse(null);
  }

  /** BRE-3: the assessment's facts (the model's inputs), consequences and measures, by a privacy officer. */
  void assess(String reference, String processInstanceId, boolean specialCategory, boolean criminalData,
      boolean identifiable, boolean encryptedKeySafe, boolean recipientTrustedDeleted, boolean vulnerablePersons,
      ConsequenceLevel consequenceLevel, String consequences, String measures, Integer personsAffected, String user) {
    Breach breach = breachOf(reference, processInstanceId);
    refuseFg(user, "de risicobeoordeling");
    requireAwareness(breach);
    if (consequenceLevel == null) {
      throw new RefusedStepException("Kies de ernst van de gevolgen (consequenceLevel).");
    }
    if (personsAffected != null && personsAffected < 0) {
      throw new RefusedStepException("Het aantal betrokkenen mag niet negatief zijn.");
    }
    if (consequences == null || measures == null) {
      throw new RefusedStepException("Beschrijf de waarschijnlijke gevolgen en de (voorgestelde) maatregelen.");
    }
    boolean special = specialCategory || breach.dataCategories().contains(BreachCodes.DataCategory.SPECIAL_CATEGORY
        .name());
    boolean criminal = criminalData || breach.dataCategories().contains(BreachCodes.DataCategory.CRIMINAL.name());
    breaches.recordAssessment(breach.id(), special, criminal, identifiable, encryptedKeySafe, recipientTrustedDeleted,
        vulnerablePersons, consequenceLevel.name(), consequences, measures, personsAffected, user);
    breaches.addNote(breach.id(), "RISK_ASSESSED", consequenceLevel.name(), null, user, clock.instant());
  }

  /** BRE-3: the model's proposal with its matched reasons, stored; only the level goes back to the process. */
  Risk evaluate(String reference) {
    Breach breach = breaches.getByReference(reference);
    if (breach.consequenceLevel() == null) {
      throw new IllegalStateException("Breach " + reference + " has no risk assessment");
    }
    BreachRiskModel.Proposal proposal = model.evaluate(breach);
    breaches.recordProposal(breach.id(), proposal.risk().name(), proposal.decisionDefinitionId(), proposal.reasons());
    return proposal.risk();
  }

  /** The FG advises on the risk (Art 39(1)(c)); the advice is stored, the FG decides nothing. */
  void adviseFg(String reference, String processInstanceId, String advice, String text, String user) {
    Breach breach = breachOf(reference, processInstanceId);
    if (!isMember(user, Groups.FG)) {
      throw new RefusedStepException(Kind.NOT_ALLOWED, "Alleen de FG geeft dit advies.");
    }
    breaches.addNote(breach.id(), "FG_ADVICE", advice, text, user, clock.instant());
  }

  /** BRE-3: a privacy officer (never the FG, Art 38(6)) decides the risk with written reasons. */
  void decide(String reference, String processInstanceId, Risk risk, String reason, String user) {
    Breach breach = breachOf(reference, processInstanceId);
    refuseFg(user, "het risicobesluit");
    requireOfficer(user);
    if (breach.proposedRisk() == null) {
      throw new RefusedStepException(Kind.NOT_ALLOWED, "Er is nog geen risicobeoordeling met voorstel voor "
          + reference + ".");
    }
    if (breach.confirmed()) {
      throw new RefusedStepException(Kind.NOT_ALLOWED, "Het risicobesluit over " + reference + " is al bevestigd.");
    }
    if (risk == null || reason == null || reason.isBlank()) {
      throw new RefusedStepException("Kies het risico en schrijf de redenen van het besluit.");
    }
    breaches.recordDecision(breach.id(), risk.name(), reason, user, clock.instant());
    breaches.addNote(breach.id(), "RISK_DECIDED", risk.name(), reason, user, clock.instant());
  }

  /**
   * BRE-3 four eyes: a second privacy officer confirms the stored decision. The decider, the FG and anyone who is not
   * a privacy officer are refused, whatever the process variables say. Returns the confirmed risk, or null when the
   * decision is sent back.
   */
  Risk confirm(String reference, String processInstanceId, boolean confirmed, String note, String user) {
    Breach breach = breachOf(reference, processInstanceId);
    refuseFg(user, "de bevestiging van het risicobesluit");
    requireOfficer(user);
    if (breach.decidedBy() == null || breach.decidedRisk() == null) {
      throw new RefusedStepException(Kind.NOT_ALLOWED, "Er is geen risicobesluit om te bevestigen.");
    }
    if (breach.decidedBy().equals(user)) {
      throw new RefusedStepException(Kind.NOT_ALLOWED, "Vier ogen: " + user + " nam het risicobesluit en mag het "
          + "niet zelf bevestigen.");
    }
    if (!confirmed) {
      if (note == null || note.isBlank()) {
        throw new RefusedStepException("Geef aan waarom het besluit terug moet (confirmationNote).");
      }
      breaches.clearDecision(breach.id());
      breaches.addNote(breach.id(), "RISK_SENT_BACK", breach.decidedRisk(), note, user, clock.instant());
      return null;
    }
    breaches.recordConfirmation(breach.id(), user, clock.instant());
    breaches.addNote(breach.id(), "RISK_CONFIRMED", breach.decidedRisk(), note, user, clock.instant());
    return Risk.valueOf(breach.decidedRisk());
  }

  /**
   * BRE-3, Art 33(3)-(4): records one (phased) notice to the AP with the content the product prepared. Only after a
   * confirmed RISK or HIGH_RISK decision; the first notice after the deadline is refused without delay reasons.
   */
  void recordApNotification(String reference, String processInstanceId, OffsetDateTime notifiedAt,
      String apCaseNumber, boolean complete, String delayReasons, String user) {
    Breach breach = breachOf(reference, processInstanceId);
    refuseFg(user, "de melding aan de AP");
    if (!breach.confirmed() || !Risk.valueOf(breach.decidedRisk()).notifiable()) {
      throw new RefusedStepException(Kind.NOT_ALLOWED, "Een melding aan de AP volgt alleen op een bevestigd besluit "
          + "RISK of HIGH_RISK.");
    }
    if (notifiedAt == null) {
      throw new RefusedStepException("Vul het tijdstip van de melding aan de AP in.");
    }
    Instant at = notifiedAt.toInstant();
    if (at.isAfter(clock.instant().plus(Duration.ofMinutes(5)))) {
      throw new RefusedStepException("Het tijdstip van de melding ligt in de toekomst.");
    }
    List<ApNotification> earlier = breaches.apNotifications(breach.id());
    boolean late = at.isAfter(breach.deadlineAt());
    if (earlier.isEmpty() && late && (delayReasons == null || delayReasons.isBlank())) {
      throw new RefusedStepException("De melding aan de AP is na de termijn van 72 uur (" + display(breach
          .deadlineAt()) + "): geef de redenen voor de vertraging (art. 33 lid 1 AVG).");
    }
    if (earlier.isEmpty() && (apCaseNumber == null || apCaseNumber.isBlank())) {
      throw new RefusedStepException("Vul het meldnummer van de AP in.");
    }
    String caseNumber = apCaseNumber == null || apCaseNumber.isBlank() ? earlier.get(0).apCaseNumber() : apCaseNumber;
    breaches.insertApNotification(breach.id(), new ApNotification(earlier.size() + 1, at, caseNumber, complete,
        earlier.isEmpty() && late, delayReasons, apContent(breach), user), clock.instant());
  }

  /**
   * The Art 33(3) content the product prepares from the register, ready to copy into the AP's form: nature,
   * categories and approximate numbers of persons and records, FG contact, likely consequences, measures.
   */
  public Map<String, Object> apNotificationDraft(Breach b) {
    Map<String, Object> draft = new LinkedHashMap<>();
    draft.put("nature", b.description());
    draft.put("dataCategories", b.dataCategories());
    draft.put("approximatePersons", b.personsEstimate());
    draft.put("approximateRecords", b.recordsEstimate());
    draft.put("fgContact", organisation.fgContact());
    draft.put("likelyConsequences", b.consequences());
    draft.put("measures", b.measures());
    draft.put("awarenessAt", b.awarenessAt());
    draft.put("deadlineAt", b.deadlineAt());
    return draft;
  }

  private String apContent(Breach b) {
    Map<String, Object> draft = apNotificationDraft(b);
    StringBuilder text = new StringBuilder();
    draft.forEach((key, value) -> text.append(key).append(": ").append(value).append('\n'));
    return text.toString();
  }

  /**
   * BRE-4, Art 34(3)(a): data encrypted with the key safe are unintelligible, so the persons are not told; the
   * exemption is recorded. Returns whether the persons are exempt.
   */
  boolean checkPersonsExemption(String reference) {
    Breach breach = breaches.getByReference(reference);
    if (!breach.confirmed() || !Risk.HIGH_RISK.name().equals(breach.decidedRisk())) {
      throw new IllegalStateException("Breach " + reference + " has no confirmed HIGH_RISK decision");
    }
    if (Boolean.TRUE.equals(breach.encryptedKeySafe())) {
      breaches.recordExemption(breach.id(), Exemption.UNINTELLIGIBLE.name(), "De gegevens waren versleuteld en de "
          + "sleutel is niet gelekt: voor onbevoegden onbegrijpelijk (art. 34 lid 3 onder a AVG).", null);
      breaches.addNote(breach.id(), "PERSONS_EXEMPT", Exemption.UNINTELLIGIBLE.name(), null, null, clock.instant());
      return true;
    }
    return false;
  }

  /**
   * BRE-4, Art 34: a plain-language letter per person (Dutch first, English below), through the outbox, or an
   * exemption of Art 34(3) with reasons. The persons are the breach's list ({@link BreachPersons}: a CSV, a source
   * query, or the tenancy numbers typed in the task), looked up in the tenancy administration; the list is kept in
   * {@code privacy.breach_person}, never in the engine. Each letter is Dutch first, or English first for a person who
   * asked for English or has it on file as preferred language.
   */
  int informPersons(String reference, String processInstanceId, Exemption exemption, String exemptionReason,
      String publicNotice, String typedTenancyNumbers, String user) {
    Breach breach = breachOf(reference, processInstanceId);
    refuseFg(user, "het informeren van betrokkenen");
    if (!breach.confirmed() || !Risk.HIGH_RISK.name().equals(breach.decidedRisk())) {
      throw new RefusedStepException(Kind.NOT_ALLOWED, "Betrokkenen worden alleen bij een bevestigd HIGH_RISK "
          + "geïnformeerd.");
    }
    if (exemption != null) {
      if (exemptionReason == null || exemptionReason.isBlank()) {
        throw new RefusedStepException("Geef de redenen voor de uitzondering (art. 34 lid 3 AVG).");
      }
      if (exemption == Exemption.DISPROPORTIONATE && (publicNotice == null || publicNotice.isBlank())) {
        throw new RefusedStepException("Bij onevenredige inspanning is een openbare mededeling nodig: vul de tekst in.");
      }
      breaches.recordExemption(breach.id(), exemption.name(), exemptionReason, publicNotice);
      breaches.addNote(breach.id(), "PERSONS_EXEMPT", exemption.name(), exemptionReason, user, clock.instant());
      return 0;
    }
    persons.addTyped(breach, typedTenancyNumbers, user);
    List<BreachPersons.Addressee> addressees = persons.addressees(breach);
    if (addressees.isEmpty()) {
      throw new RefusedStepException("Geef de huurcontractnummers van de betrokkenen (in de taak, als CSV of uit een "
          + "bron via de API) of kies een uitzondering.");
    }
    int sent = 0;
    for (BreachPersons.Addressee addressee : addressees) {
      Map<String, String> contact = addressee.contact();
      Map<String, Object> variables = Map.of("breach", breach, "name", nonNull(contact.get("name")));
      // Dutch first by default; English first for a person who asked for it or has English on file
      String template = BreachPersons.ENGLISH.equals(addressee.language()) ? PERSON_NOTICE_ENGLISH : PERSON_NOTICE;
      String email = contact.get("email");
      QueuedMessage message = email != null && !email.isBlank()
          ? outbox.queue(reference, RecipientRole.DATA_SUBJECT, email, template, variables)
          : outbox.queueLetter(reference, RecipientRole.DATA_SUBJECT, nonNull(contact.get("name")) + ", "
              + nonNull(contact.get("address")), template, variables);
      breaches.insertPersonNotice(breach.id(), addressee.tenancyNumber(), message.id(),
          message.channel() == Channel.EMAIL ? "EMAIL" : "LETTER", addressee.language(), clock.instant());
      sent++;
    }
    breaches.addNote(breach.id(), "PERSONS_INFORMED", String.valueOf(sent), null, user, clock.instant());
    return sent;
  }

  /** PRC-2: the agreement owner addressed the processor that reported late. */
  void recordProcessorFollowUp(String reference, String processInstanceId, boolean addressed, String note,
      String user) {
    Breach breach = breachOf(reference, processInstanceId);
    if (!Boolean.TRUE.equals(breach.processorReportLate())) {
      throw new RefusedStepException(Kind.NOT_ALLOWED, "Datalek " + reference + " is niet te laat door een "
          + "verwerker gemeld.");
    }
    if (!addressed || note == null) {
      throw new RefusedStepException("Spreek de verwerker aan en leg vast wat is afgesproken.");
    }
    breaches.addNote(breach.id(), "PROCESSOR_FOLLOWED_UP", null, note, user, clock.instant());
  }

  /** BRE-1: the n-th alert to the privacy officers and the FG while the AP notification is still open. */
  void alert(String reference, int number) {
    Breach breach = breaches.getByReference(reference);
    Instant now = clock.instant();
    Map<String, Object> variables = Map.of("breach", breach, "alertNumber", number,
        "hoursSinceAwareness", Duration.between(breach.awarenessAt(), now).toHours(),
        "hoursLeft", Math.max(0, Duration.between(now, breach.deadlineAt()).toHours()),
        "deadline", display(breach.deadlineAt()));
    outbox.queueToGroup(reference, RecipientRole.PRIVACY_OFFICERS, Groups.PRIVACY_OFFICERS, "breach-alert", variables);
    outbox.queueToGroup(reference, RecipientRole.FG, Groups.FG, "breach-alert", variables);
    breaches.addNote(breach.id(), "ALERT_SENT", String.valueOf(number), null, null, now);
  }

  /** BRE-1: the deadline passed without a notification or a confirmed NO_RISK decision: to management. */
  void escalate(String reference) {
    Breach breach = breaches.getByReference(reference);
    Map<String, Object> variables = Map.of("breach", breach, "deadline", display(breach.deadlineAt()));
    outbox.queueToGroup(reference, RecipientRole.STAFF, Groups.MANAGEMENT, "breach-deadline-escalation", variables);
    outbox.queueToGroup(reference, RecipientRole.PRIVACY_OFFICERS, Groups.PRIVACY_OFFICERS,
        "breach-deadline-escalation", variables);
    outbox.queueToGroup(reference, RecipientRole.FG, Groups.FG, "breach-deadline-escalation", variables);
    breaches.markEscalated(breach.id(), clock.instant());
    breaches.addNote(breach.id(), "DEADLINE_ESCALATED", null, null, null, clock.instant());
  }

  void close(String reference) {
    Breach breach = breaches.getByReference(reference);
    breaches.close(breach.id(), clock.instant());
    breaches.addNote(breach.id(), "CLOSED", null, null, null, clock.instant());
  }

  /**
   * Overdue (BRE-3): the deadline passed, no notice went to the AP, and the risk is not a confirmed NO_RISK.
   */
  public boolean overdue(Breach b) {
    if (b.deadlineAt() == null || !clock.instant().isAfter(b.deadlineAt())) {
      return false;
    }
    if (b.confirmed() && Risk.NO_RISK.name().equals(b.decidedRisk())) {
      return false;
    }
    return breaches.apNotifications(b.id()).isEmpty();
  }

  static String display(Instant instant) {
    ZonedDateTime local = instant.atZone(BreachIntake.AMSTERDAM);
    return local.toLocalDate() + " " + local.toLocalTime().withSecond(0).withNano(0) + " ("
        + local.getOffset().getId() + ", Europe/Amsterdam)";
  }

  private Breach breachOf(String reference, String processInstanceId) {
    Breach breach = breaches.findByReference(reference).orElseThrow(() -> new RefusedStepException(Kind.NOT_ALLOWED,
        "Onbekend datalek " + reference + "."));
    if (processInstanceId != null && !processInstanceId.equals(breach.processInstanceId())) {
      throw new RefusedStepException(Kind.NOT_ALLOWED, "Dit proces hoort niet bij datalek " + reference + ".");
    }
    return breach;
  }

  private static void requireAwareness(Breach breach) {
    if (breach.awarenessAt() == null) {
      throw new RefusedStepException(Kind.NOT_ALLOWED, "De FG heeft het moment van bewustwording van "
          + breach.reference() + " nog niet vastgelegd.");
    }
  }

  /** Art 38(6): the FG advises and monitors but never completes a deciding step, even when also an officer. */
  private void refuseFg(String user, String step) {
    if (user == null) {
      throw new RefusedStepException(Kind.NOT_ALLOWED, "Deze stap kan alleen door een ingelogde gebruiker worden "
          + "gedaan.");
    }
    if (isMember(user, Groups.FG)) {
      throw new RefusedStepException(Kind.NOT_ALLOWED, "De FG adviseert maar beslist niet (art. 38 lid 6 AVG): "
          + step + " is aan een privacy officer.");
    }
  }

  private void requireOfficer(String user) {
    if (!isMember(user, Groups.PRIVACY_OFFICERS)) {
      throw new RefusedStepException(Kind.NOT_ALLOWED, "Alleen een privacy officer neemt dit besluit.");
    }
  }

  /** Group membership from the identity service (the product's user store), not from what the caller claims. */
  boolean isMember(String user, String group) {
    if (user == null) {
      return false;
    }
    return systemActions.call(() -> identityService.createUserQuery().userId(user).memberOfGroup(group).count() > 0);
  }

  private static String nonNull(String value) {
    return value == null ? "" : value;
  }
}
