package nl.ymere.privacy.complaint;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import nl.ymere.privacy.breach.BreachCodes;
import nl.ymere.privacy.breach.BreachIntake;
import nl.ymere.privacy.breach.BreachReport;
import nl.ymere.privacy.deadline.DeadlineCalculator;
import nl.ymere.privacy.mail.OutboxService;
import nl.ymere.privacy.mail.RecipientRole;
import nl.ymere.privacy.process.RefusedStepException;
import nl.ymere.privacy.process.RefusedStepException.Kind;
import nl.ymere.privacy.request.RegisterRequestCommand;
import nl.ymere.privacy.request.RequestRecord;
import nl.ymere.privacy.request.RequestRecords;
import nl.ymere.privacy.request.RequestRegistrationService;
import nl.ymere.privacy.request.RequestRight;
import nl.ymere.privacy.request.Representation;
import nl.ymere.privacy.security.Groups;
import nl.ymere.privacy.web.ApiFieldErrors;
import nl.ymere.privacy.web.ApiProblemException;
import nl.ymere.privacy.web.DateOrDateTime;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The privacy complaint (issue 19; CMP-1..CMP-3): registration with the due date from the one calculator (DL-1..DL-3
 * with the configured term), triage (a rights request inside it becomes its own request with the complaint's receipt
 * date, REQ-1; a possible breach goes to the privacy officers), the handler's investigation and draft, the privacy
 * officer's approval when the complaint is not (fully) upheld, and the letters. Every deciding step checks its
 * preconditions in the complaint tables (DESIGN principle 9): who drafted, who approved and what the outcome is are
 * read from {@code privacy.complaint}, never from process variables. Messages hold references only (SEC-3).
 */
@Service
public class ComplaintService {

  static final int MAX_DESCRIPTION = 100_000;
  static final String ACKNOWLEDGEMENT_TEMPLATE = "complaint-acknowledgement";
  static final String ANSWER_TEMPLATE = "complaint-answer";
  static final String REMINDER_TEMPLATE = "complaint-reminder";
  static final String ESCALATION_TEMPLATE = "complaint-escalation";
  static final String LINK_REQUEST = "RIGHTS_REQUEST";
  static final String LINK_POSSIBLE_BREACH = "POSSIBLE_BREACH";
  static final String LINK_BREACH = "BREACH";
  private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

  private final ComplaintRepository complaints;
  private final DeadlineCalculator calculator;
  private final ComplaintProperties properties;
  private final OutboxService outbox;
  private final RequestRegistrationService requestRegistration;
  private final RequestRecords requests;
  private final BreachIntake breachIntake;
  private final Clock clock;

  ComplaintService(ComplaintRepository complaints, DeadlineCalculator calculator, ComplaintProperties properties,
      OutboxService outbox, RequestRegistrationService requestRegistration, RequestRecords requests,
      BreachIntake breachIntake, Clock clock) {
    this.complaints = complaints;
    this.calculator = calculator;
    this.properties = properties;
    this.outbox = outbox;
    this.requestRegistration = requestRegistration;
    this.requests = requests;
    this.breachIntake = breachIntake;
    this.clock = clock;
  }

  // ---- registration --------------------------------------------------------------------------------------------

  /** CMP-1 with DL-1..DL-3: receipt date + the configured term (DL-2 month arithmetic), rolled forward (DL-3). */
  public LocalDate dueDateOf(LocalDate receivedOn) {
    LocalDate end = calculator.plusMonths(receivedOn, (int) properties.answerTerm().toTotalMonths())
        .plusDays(properties.answerTerm().getDays());
    return calculator.rollForward(end);
  }

  /**
   * Validates and stores the complaint (DESIGN principle 7: a bad complaint leaves nothing); the caller starts the
   * process in the same transaction.
   */
  @Transactional
  public Complaint store(RegisterComplaintCommand command, String registeredBy) {
    ApiFieldErrors errors = new ApiFieldErrors();
    if (command == null) {
      errors.add("complainant", "is required").throwIfAny();
    }
    LocalDate today = calculator.today(clock);
    Instant now = clock.instant();
    Instant receivedAt = now;
    LocalDate receivedOn = today;
    DateOrDateTime received = command.receivedAt();
    if (received != null) {
      receivedOn = received.toLocalDate(calculator.zone());
      receivedAt = received.instant().orElse(null);
      if (receivedAt != null && receivedAt.isAfter(now.plus(24, ChronoUnit.HOURS))) {
        errors.add("receivedAt", "lies more than 24 hours in the future");
      } else if (receivedOn.isAfter(today.plusDays(1))) {
        errors.add("receivedAt", "lies after tomorrow");
      }
    }
    if (command.channel() == null) {
      errors.add("channel", "is required (one of WEB_FORM, EMAIL, LETTER, PHONE, DESK)");
    }
    RegisterComplaintCommand.Complainant who = command.complainant();
    if (who == null) {
      errors.add("complainant", "is required");
    } else {
      if (isBlank(who.name())) {
        // CMP-2: the AP takes no anonymous complaints; the corporation answers in writing, so it needs a name
        errors.add("complainant.name", "is required");
      } else if (who.name().length() > 200) {
        errors.add("complainant.name", "is longer than 200 characters");
      }
      if (isBlank(who.email()) && isBlank(who.postalAddress())) {
        errors.add("complainant.email", "an e-mail address or a postal address is required for the written answer");
      }
      if (!isBlank(who.email()) && (who.email().length() > 320 || !EMAIL.matcher(who.email().strip()).matches())) {
        errors.add("complainant.email", "is not a valid e-mail address");
      }
      if (!isBlank(who.postalAddress()) && who.postalAddress().length() > 500) {
        errors.add("complainant.postalAddress", "is longer than 500 characters");
      }
    }
    if (isBlank(command.description())) {
      errors.add("description", "is required: what is the complaint about?");
    } else if (command.description().length() > MAX_DESCRIPTION) {
      errors.add("description", "is longer than " + MAX_DESCRIPTION + " characters");
    }
    String about = normalisedReference(command.aboutRequestReference());
    if (about != null && (about.length() > 20 || requests.findByReference(about).isEmpty())) {
      errors.add("aboutRequestReference", "is not a known request reference");
    }
    errors.throwIfAny();
    String reference = "KL-" + receivedOnYear(today) + "-" + String.format("%06d", complaints.nextReferenceNumber());
    complaints.insert(reference, command.channel(), receivedAt, receivedOn, dueDateOf(receivedOn), who.name().strip(),
        blankToNull(who.email()), blankToNull(who.postalAddress()), command.description().strip(), about,
        registeredBy, now);
    Complaint complaint = complaints.get(reference);
    complaints.addEvent(complaint.id(), "REGISTERED", registeredBy, now, null);
    return complaint;
  }

  void setProcessInstanceId(String reference, String processInstanceId) {
    complaints.setProcessInstanceId(reference, processInstanceId);
  }

  @Transactional(readOnly = true)
  public Optional<Complaint> find(String reference) {
    return complaints.find(reference);
  }

  @Transactional(readOnly = true)
  public List<Complaint> all() {
    return complaints.all();
  }

  // ---- letters -------------------------------------------------------------------------------------------------

  /** LET-1/CMP-1: the acknowledgement with receipt date, due date and next steps. */
  @Transactional
  public void acknowledge(String reference) {
    Complaint complaint = complaints.get(reference);
    sendToComplainant(complaint, ACKNOWLEDGEMENT_TEMPLATE, letterModel(complaint));
    complaints.addEvent(complaint.id(), "ACKNOWLEDGED", null, clock.instant(), null);
  }

  /**
   * The written answer (CMP-1) with the AP route (CMP-2), the court route when the complaint is about a decision on a
   * request (LET-3), and the erased-data explanation (CMP-3). Refused unless the product's tables show a draft and,
   * when the complaint is not (fully) upheld, the approval of another user (principle 9: a start at this step or a
   * forged variable sends nothing).
   */
  @Transactional
  public void sendAnswer(String reference) {
    Complaint complaint = complaints.get(reference);
    if (complaint.status() == ComplaintStatus.ANSWERED) {
      return; // an engine retry after the row was written sends nothing twice
    }
    if (complaint.outcome() == null || complaint.draftedBy() == null || complaint.answerText() == null) {
      throw new RefusedStepException(Kind.NOT_ALLOWED, "Klacht " + reference + " heeft nog geen opgesteld "
          + "antwoord; er gaat geen brief uit.");
    }
    if (complaint.outcome().needsApproval() && (complaint.status() != ComplaintStatus.ANSWER_APPROVED
        || complaint.approvedBy() == null || complaint.approvedBy().equals(complaint.draftedBy()))) {
      throw new RefusedStepException(Kind.NOT_ALLOWED, "Vier ogen: het antwoord op klacht " + reference
          + " is (deels) ongegrond en is nog niet door een andere privacy officer goedgekeurd.");
    }
    Map<String, Object> model = letterModel(complaint);
    model.put("answer", complaint.answerText());
    sendToComplainant(complaint, ANSWER_TEMPLATE, model);
    Instant now = clock.instant();
    complaints.answered(complaint.id(), now, calculator.today(clock).plus(properties.retention()));
    complaints.addEvent(complaint.id(), "ANSWERED", null, now, null);
  }

  /** DL-11: the handlers are reminded before the due date (internal target). */
  @Transactional
  public void remind(String reference) {
    Complaint complaint = complaints.get(reference);
    outbox.queueToGroup(reference, RecipientRole.PRIVACY_DESK, Groups.PRIVACY_DESK, REMINDER_TEMPLATE,
        staffModel(complaint));
    complaints.addEvent(complaint.id(), "REMINDER_SENT", null, clock.instant(), null);
  }

  /** The answer term lapsed: privacy officers and the FG are told (like a data-subject request's escalation). */
  @Transactional
  public void escalate(String reference) {
    Complaint complaint = complaints.get(reference);
    outbox.queueToGroup(reference, RecipientRole.PRIVACY_OFFICERS, Groups.PRIVACY_OFFICERS, ESCALATION_TEMPLATE,
        staffModel(complaint));
    outbox.queueToGroup(reference, RecipientRole.FG, Groups.FG, ESCALATION_TEMPLATE, staffModel(complaint));
    complaints.addEvent(complaint.id(), "ESCALATED", null, clock.instant(), null);
  }

  // ---- steps ---------------------------------------------------------------------------------------------------

  /** What the triage found (CMP-1); the registered request's reference, or null. */
  public record TriageResult(String linkedRequestReference) {
  }

  /**
   * CMP-1, REQ-1: a rights request inside the complaint is registered as its own data-subject request with the
   * complaint's receipt date (its clock started then, DL-1) and linked; a possible breach is linked for the privacy
   * officers' task. The complaint may be about the decision on a request (LET-3).
   */
  @Transactional
  public TriageResult triage(String reference, boolean rightsRequestFound, String rightCode, boolean possibleBreach,
      String aboutRequestReference, String user) {
    Complaint complaint = complaints.get(reference);
    if (complaint.status() != ComplaintStatus.REGISTERED) {
      throw new RefusedStepException(Kind.NOT_ALLOWED, "Klacht " + reference + " is al gesorteerd.");
    }
    String about = normalisedReference(aboutRequestReference);
    if (about != null && requests.findByReference(about).isEmpty()) {
      throw new RefusedStepException("Er is geen verzoek met dat kenmerk (verwacht bijvoorbeeld AVG-2026-000123).");
    }
    RequestRight right = null;
    if (rightsRequestFound) {
      try {
        right = RequestRight.valueOf(rightCode);
      } catch (RuntimeException e) {
        throw new RefusedStepException("Kies welk recht de persoon in de klacht uitoefent (bijvoorbeeld ACCESS).");
      }
    }
    Instant now = clock.instant();
    String linked = null;
    if (right != null) {
      DateOrDateTime receivedAt = complaint.receivedAt() == null ? DateOrDateTime.of(complaint.receivedOn())
          : DateOrDateTime.of(complaint.receivedAt().atOffset(ZoneOffset.UTC));
      RequestRecord request = requestRegistration.register(new RegisterRequestCommand(right, receivedAt,
          complaint.channel(), new RegisterRequestCommand.Person(complaint.complainantName(),
          complaint.complainantEmail(), complaint.complainantAddress(), null), null, Representation.SELF,
          "Verzoek aangetroffen in privacyklacht " + reference + ".", null), user);
      linked = request.reference();
      complaints.addLink(complaint.id(), LINK_REQUEST, linked, user, now);
    }
    if (possibleBreach) {
      complaints.addLink(complaint.id(), LINK_POSSIBLE_BREACH, null, user, now);
    }
    complaints.triaged(complaint.id(), about, user, now);
    complaints.addEvent(complaint.id(), "TRIAGED", user, now, null);
    return new TriageResult(linked);
  }

  /**
   * CMP-1, BRE-1: a breach the complaint reveals is reported at once through the one breach intake (channel
   * COMPLAINT), which starts {@code data-breach}; the breach is linked to the complaint. Detected when the complaint
   * arrived (the FG fixes the moment of awareness in the breach process). Returns the DL reference. Bad facts refuse
   * the triage and store nothing (the intake's field problems, in Dutch, for Tasklist).
   */
  @Transactional
  public String reportBreach(String reference, String description, String categoryCode, Object personsEstimate,
      String user) {
    Complaint complaint = complaints.get(reference);
    if (complaint.status() != ComplaintStatus.INVESTIGATING) {
      throw new RefusedStepException(Kind.NOT_ALLOWED, "Klacht " + reference + " is niet gesorteerd.");
    }
    Integer persons = personsEstimate instanceof Number number ? Integer.valueOf(number.intValue())
        : personsEstimate instanceof String text && text.strip().matches("\\d{1,9}") ? Integer.valueOf(text.strip())
        : null;
    Instant now = clock.instant();
    Instant detected = complaint.receivedAt() == null
        ? calculator.instantAt(complaint.receivedOn(), java.time.LocalTime.MIDNIGHT) : complaint.receivedAt();
    if (detected.isAfter(now)) {
      detected = now;
    }
    String breachReference;
    try {
      breachReference = breachIntake.register(new BreachReport(description, detected.atZone(calculator.zone())
          .toOffsetDateTime(), null, categoryCode == null ? List.of() : List.of(categoryCode), persons, null, null),
          user, BreachCodes.Channel.COMPLAINT);
    } catch (ApiProblemException e) {
      throw new RefusedStepException("Datalek niet gemeld: " + (e.errors() == null || e.errors().isEmpty()
          ? e.detail() : e.errors().stream().map(f -> breachField(f.field()) + " " + f.message())
          .collect(java.util.stream.Collectors.joining("; "))));
    }
    complaints.addLink(complaint.id(), LINK_BREACH, breachReference, user, now);
    complaints.addEvent(complaint.id(), "BREACH_REPORTED", user, now, "Datalekmelding " + breachReference);
    return breachReference;
  }

  private static String breachField(String field) {
    return switch (field) {
      case "description" -> "breachDescription";
      case "personsEstimate" -> "breachPersonsEstimate";
      default -> field.startsWith("dataCategories") ? "breachDataCategory" : field;
    };
  }

  /** The privacy officer links a breach the triage found already reported (its DL reference). */
  @Transactional
  public void recordBreachAssessment(String reference, String assessment, String breachReference, String user) {
    Complaint complaint = complaints.get(reference);
    if (!List.of("NO_BREACH", "BREACH_REPORTED").contains(assessment)) {
      throw new RefusedStepException("Kies NO_BREACH (geen datalek) of BREACH_REPORTED (als datalek gemeld).");
    }
    complaints.addEvent(complaint.id(), "BREACH_" + assessment, user, clock.instant(),
        breachReference == null ? null : "Datalekmelding " + breachReference);
    if (breachReference != null) {
      complaints.addLink(complaint.id(), LINK_BREACH, breachReference, user, clock.instant());
    }
  }

  /** The handler's investigation: notes stay in the complaint's events; CMP-3 recorded on the complaint. */
  @Transactional
  public void recordInvestigation(String reference, String note, boolean dataErasedAtRequest, String user) {
    Complaint complaint = complaints.get(reference);
    if (complaint.status() != ComplaintStatus.INVESTIGATING) {
      throw new RefusedStepException(Kind.NOT_ALLOWED, "Klacht " + reference + " is niet in onderzoek.");
    }
    if (note == null) {
      throw new RefusedStepException("Leg vast wat u heeft onderzocht.");
    }
    complaints.investigated(complaint.id(), dataErasedAtRequest);
    complaints.addEvent(complaint.id(), "INVESTIGATION_NOTE", user, clock.instant(), note);
  }

  /** The answer draft: outcome and text stored; anything but UPHELD waits for a privacy officer's approval. */
  @Transactional
  public ComplaintOutcome draftAnswer(String reference, String outcomeCode, String answer, String user) {
    Complaint complaint = complaints.get(reference);
    if (complaint.status() != ComplaintStatus.INVESTIGATING) {
      throw new RefusedStepException(Kind.NOT_ALLOWED, "Klacht " + reference + " is niet in onderzoek.");
    }
    ComplaintOutcome outcome;
    try {
      outcome = ComplaintOutcome.valueOf(outcomeCode);
    } catch (RuntimeException e) {
      throw new RefusedStepException("Kies UPHELD (gegrond), PARTLY_UPHELD (deels gegrond) of NOT_UPHELD "
          + "(ongegrond).");
    }
    if (answer == null || answer.length() < 20) {
      throw new RefusedStepException("Schrijf het antwoord aan de klager (minstens 20 tekens).");
    }
    if (answer.length() > MAX_DESCRIPTION) {
      throw new RefusedStepException("Het antwoord is te lang.");
    }
    Instant now = clock.instant();
    complaints.drafted(complaint.id(), outcome, answer, outcome.needsApproval() ? ComplaintStatus.AWAITING_APPROVAL
        : ComplaintStatus.ANSWER_APPROVED, user, now);
    complaints.addEvent(complaint.id(), "ANSWER_DRAFTED", user, now, null);
    return outcome;
  }

  /**
   * Four eyes (CMP-1, principle 6): a privacy officer other than the drafter approves an answer that does not uphold
   * the complaint in full, or sends it back. Checked here against the complaint table, whatever the process says.
   */
  @Transactional
  public void decideApproval(String reference, boolean approved, String note, String user) {
    Complaint complaint = complaints.get(reference);
    if (complaint.status() != ComplaintStatus.AWAITING_APPROVAL || complaint.draftedBy() == null) {
      throw new RefusedStepException(Kind.NOT_ALLOWED, "Klacht " + reference + " wacht niet op goedkeuring.");
    }
    if (user == null || user.equals(complaint.draftedBy())) {
      throw new RefusedStepException(Kind.NOT_ALLOWED, "Vier ogen: wie het antwoord op klacht " + reference
          + " opstelde, keurt het niet goed.");
    }
    Instant now = clock.instant();
    if (approved) {
      complaints.approved(complaint.id(), user, now);
      complaints.addEvent(complaint.id(), "ANSWER_APPROVED", user, now, note);
    } else {
      complaints.sentBack(complaint.id());
      complaints.addEvent(complaint.id(), "ANSWER_SENT_BACK", user, now, note);
    }
  }

  // ---- timers --------------------------------------------------------------------------------------------------

  /** DL-11: the configured number of working days before the due date, at 08:00. */
  public Date reminderAt(String reference) {
    LocalDate due = complaints.get(reference).dueDate();
    return Date.from(calculator.at0800(calculator.minusWorkingDays(due, properties.reminderWorkingDays())));
  }

  public Date dueAt(String reference) {
    return Date.from(calculator.expiryOf(complaints.get(reference).dueDate()));
  }

  /** The second after the due date expired (DL-3: 23:59:59 Amsterdam time). */
  public Date overdueAt(String reference) {
    return Date.from(calculator.expiryOf(complaints.get(reference).dueDate()).plusSeconds(1));
  }

  // ---- views ---------------------------------------------------------------------------------------------------

  public record ComplaintEvent(String type, String by, Instant at, String note) {
  }

  public record ComplaintLink(String kind, String reference, String by, Instant at) {
  }

  @Transactional(readOnly = true)
  public List<ComplaintEvent> events(Complaint complaint) {
    return complaints.events(complaint.id()).stream()
        .map(e -> new ComplaintEvent(e.type(), e.byUser(), e.at(), e.note())).toList();
  }

  @Transactional(readOnly = true)
  public List<ComplaintLink> links(Complaint complaint) {
    return complaints.links(complaint.id()).stream()
        .map(l -> new ComplaintLink(l.kind(), l.linkedReference(), l.linkedBy(), l.linkedAt())).toList();
  }

  // ---- helpers -------------------------------------------------------------------------------------------------

  private Map<String, Object> letterModel(Complaint complaint) {
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("complaint", complaint);
    model.put("addresseeName", complaint.complainantName());
    model.put("receivedOn", complaint.receivedOn());
    model.put("dueDate", complaint.dueDate());
    model.put("outcome", complaint.outcome() == null ? null : complaint.outcome().name());
    model.put("aboutRequest", complaint.aboutRequestReference());
    model.put("dataErased", complaint.dataErasedAtRequest());
    return model;
  }

  /** Internal notices: reference and dates only (SEC-3). */
  private static Map<String, Object> staffModel(Complaint complaint) {
    return Map.of("receivedOn", complaint.receivedOn(), "dueDate", complaint.dueDate());
  }

  private void sendToComplainant(Complaint complaint, String template, Map<String, Object> model) {
    if (complaint.complainantEmail() != null) {
      outbox.queue(complaint.reference(), RecipientRole.REQUESTER, complaint.complainantEmail(), template, model);
    } else {
      outbox.queueLetter(complaint.reference(), RecipientRole.REQUESTER,
          complaint.complainantName() + "\n" + complaint.complainantAddress(), template, model);
    }
  }

  private static int receivedOnYear(LocalDate today) {
    return today.getYear();
  }

  private static String normalisedReference(String reference) {
    if (isBlank(reference)) {
      return null;
    }
    return reference.strip().toUpperCase(Locale.ROOT);
  }

  private static boolean isBlank(String value) {
    return value == null || value.isBlank();
  }

  private static String blankToNull(String value) {
    return isBlank(value) ? null : value.strip();
  }
}
