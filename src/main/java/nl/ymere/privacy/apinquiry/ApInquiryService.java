package nl.ymere.privacy.apinquiry;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import nl.ymere.privacy.breach.BreachService;
import nl.ymere.privacy.complaint.Complaint;
import nl.ymere.privacy.complaint.ComplaintService;
import nl.ymere.privacy.deadline.DeadlineCalculator;
import nl.ymere.privacy.erasure.ErasureHistoryRemoval;
import nl.ymere.privacy.legalhold.LegalHoldKind;
import nl.ymere.privacy.legalhold.LegalHolds;
import nl.ymere.privacy.mail.OutboxService;
import nl.ymere.privacy.mail.RecipientRole;
import nl.ymere.privacy.process.RefusedStepException;
import nl.ymere.privacy.process.RefusedStepException.Kind;
import nl.ymere.privacy.request.RequestRecord;
import nl.ymere.privacy.request.RequestRecords;
import nl.ymere.privacy.security.Groups;
import nl.ymere.privacy.web.ApiConflictException;
import nl.ymere.privacy.web.ApiFieldErrors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Inquiries of the Autoriteit Persoonsgegevens and complaints it forwards (issue 19 item 2; CMP-4, RET-4, RET-5).
 * Registered with the AP's own deadline (a date the AP gave, never computed) and case number; a legal hold (RET-4,
 * kind AP_INQUIRY) is placed on every request, complaint and breach in its scope; a privacy officer drafts the answer,
 * the FG advises (recorded; the FG never approves, Art 38(6)), and a second privacy officer or management approves it
 * (four eyes, CMP-4). After the AP closed the inquiry a privacy officer releases the holds. Every deciding step checks
 * its preconditions in {@code privacy.ap_inquiry} (DESIGN principle 9), never in process variables.
 */
@Service
public class ApInquiryService {

  static final int MAX_TOPIC = 100_000;
  static final String ESCALATION_TEMPLATE = "ap-inquiry-escalation";
  static final String SCOPE_REQUEST = "REQUEST";
  static final String SCOPE_COMPLAINT = "COMPLAINT";
  static final String SCOPE_BREACH = "BREACH";
  /** The file kinds a hold on a complaint or breach file names (the register shows them as the held system). */
  static final String COMPLAINT_FILES = "complaint";
  static final String BREACH_FILES = "breach";
  static final List<String> FG_ADVICE = List.of("AGREE", "AGREE_WITH_REMARKS", "DISAGREE");
  static final List<String> AP_CLOSURE = List.of("CLOSED_NO_ACTION", "CLOSED_WITH_ADVICE", "CLOSED_WITH_MEASURE");
  private static final Pattern CASE_NUMBER = Pattern.compile("[A-Za-z0-9][A-Za-z0-9./ -]{0,39}");
  private static final int HOLD_REVIEW_MONTHS = 6;

  private final ApInquiryRepository inquiries;
  private final ApInquiryProperties properties;
  private final DeadlineCalculator calculator;
  private final LegalHolds legalHolds;
  private final RequestRecords requests;
  private final ComplaintService complaints;
  private final BreachService breaches;
  private final OutboxService outbox;
  private final IdentityService identityService;
  private final Clock clock;

  ApInquiryService(ApInquiryRepository inquiries, ApInquiryProperties properties, DeadlineCalculator calculator,
      LegalHolds legalHolds, RequestRecords requests, ComplaintService complaints, BreachService breaches,
      OutboxService outbox, IdentityService identityService, Clock clock) {
    this.inquiries = inquiries;
    this.properties = properties;
    this.calculator = calculator;
    this.legalHolds = legalHolds;
    this.requests = requests;
    this.complaints = complaints;
    this.breaches = breaches;
    this.outbox = outbox;
    this.identityService = identityService;
    this.clock = clock;
  }

  // ---- registration --------------------------------------------------------------------------------------------

  /**
   * Validates and stores the inquiry with its scope (DESIGN principle 7: bad input leaves nothing); the caller starts
   * the process in the same transaction, whose first step places the holds.
   */
  @Transactional
  public ApInquiry store(RegisterApInquiryCommand command, String user) {
    ApiFieldErrors errors = new ApiFieldErrors();
    if (command == null) {
      errors.add("kind", "is required").throwIfAny();
    }
    LocalDate today = calculator.today(clock);
    if (command.kind() == null) {
      errors.add("kind", "is required (INQUIRY or FORWARDED_COMPLAINT)");
    }
    String caseNumber = blankToNull(command.apCaseNumber());
    if (caseNumber == null) {
      errors.add("apCaseNumber", "is required: the AP's own case number");
    } else if (!CASE_NUMBER.matcher(caseNumber).matches()) {
      errors.add("apCaseNumber", "is not a case number (letters, digits, '.', '/', '-', at most 40 characters)");
    }
    LocalDate receivedOn = command.receivedOn() == null ? today : command.receivedOn();
    if (receivedOn.isAfter(today.plusDays(1))) {
      errors.add("receivedOn", "lies after tomorrow");
    }
    if (command.apDeadline() == null) {
      errors.add("apDeadline", "is required: the date the AP gave for the answer");
    } else if (command.apDeadline().isBefore(receivedOn)) {
      errors.add("apDeadline", "lies before the receipt date");
    }
    if (blankToNull(command.description()) == null) {
      errors.add("description", "is required: what the AP asks");
    } else if (command.description().length() > MAX_TOPIC) {
      errors.add("description", "is longer than " + MAX_TOPIC + " characters");
    }
    List<String[]> scope = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    List<String> given = command.scope() == null ? List.of() : command.scope();
    if (given.size() > 100) {
      errors.add("scope", "names more than 100 references");
    } else {
      for (int i = 0; i < given.size(); i++) {
        String reference = given.get(i) == null ? null : given.get(i).strip().toUpperCase(Locale.ROOT);
        String kind = reference == null ? null : scopeKind(reference);
        if (kind == null) {
          errors.add("scope[" + i + "]", "is not a known request (AVG-…), complaint (KL-…) or breach (DL-…) "
              + "reference");
        } else if (seen.add(reference)) {
          scope.add(new String[] {kind, reference});
        }
      }
    }
    errors.throwIfAny();
    if (inquiries.all().stream().anyMatch(i -> i.apCaseNumber().equalsIgnoreCase(caseNumber)
        && i.status() != ApInquiryStatus.HOLDS_RELEASED)) {
      throw new ApiConflictException("AP case " + caseNumber + " is already registered and open.");
    }
    String reference = "AP-" + today.getYear() + "-" + String.format("%06d", inquiries.nextReferenceNumber());
    Instant now = clock.instant();
    inquiries.insert(reference, command.kind(), caseNumber, receivedOn, command.apDeadline(), command.description().strip(),
        user, now);
    ApInquiry inquiry = inquiries.get(reference);
    scope.forEach(s -> inquiries.addScope(inquiry.id(), s[0], s[1]));
    inquiries.addEvent(inquiry.id(), "REGISTERED", user, now, null);
    return inquiry;
  }

  /** REQUEST, COMPLAINT or BREACH when the reference names an existing case of that kind, else null. */
  private String scopeKind(String reference) {
    if (reference.length() > 20) {
      return null;
    }
    if (reference.startsWith("AVG-") && requests.findByReference(reference).isPresent()) {
      return SCOPE_REQUEST;
    }
    if (reference.startsWith("KL-") && complaints.find(reference).isPresent()) {
      return SCOPE_COMPLAINT;
    }
    if (reference.startsWith("DL-") && breaches.find(reference).isPresent()) {
      return SCOPE_BREACH;
    }
    return null;
  }

  void setProcessInstanceId(String reference, String processInstanceId) {
    inquiries.setProcessInstanceId(reference, processInstanceId);
  }

  @Transactional(readOnly = true)
  public Optional<ApInquiry> find(String reference) {
    return inquiries.find(reference);
  }

  @Transactional(readOnly = true)
  public List<ApInquiry> all() {
    return inquiries.all();
  }

  // ---- legal hold (RET-4) --------------------------------------------------------------------------------------

  /**
   * CMP-4, RET-4: a legal hold of kind AP_INQUIRY on everything in scope, while the inquiry runs: a request or
   * complaint of a person who can be identified by e-mail holds that person's data (so erasure and sweeps skip them,
   * the linked request's file included); otherwise the request, complaint or breach file itself. Idempotent.
   */
  @Transactional
  public int placeHolds(String reference) {
    ApInquiry inquiry = inquiries.get(reference);
    String reason = "Onderzoek van de Autoriteit Persoonsgegevens " + reference + " (AP-zaak " + inquiry.apCaseNumber()
        + ")";
    LocalDate reviewOn = calculator.today(clock).plusMonths(HOLD_REVIEW_MONTHS);
    int placed = 0;
    for (ApInquiryRepository.Scope scope : inquiries.scope(inquiry.id())) {
      if (scope.legalHoldId() != null) {
        continue;
      }
      String email = null;
      String system;
      if (SCOPE_REQUEST.equals(scope.kind())) {
        RequestRecord request = requests.getByReference(scope.linkedReference());
        boolean forOther = request.subjectName() != null && !request.subjectName().isBlank();
        email = forOther ? null : blankToNull(request.requesterEmail());
        system = ErasureHistoryRemoval.REQUEST_FILES;
      } else if (SCOPE_COMPLAINT.equals(scope.kind())) {
        email = complaints.find(scope.linkedReference()).map(Complaint::complainantEmail).orElse(null);
        system = COMPLAINT_FILES;
      } else {
        system = BREACH_FILES;
      }
      LegalHolds.NewHold hold = email != null
          ? new LegalHolds.NewHold(LegalHoldKind.AP_INQUIRY, reason, email, null, null, null, null,
              inquiry.registeredBy(), reviewOn)
          : new LegalHolds.NewHold(LegalHoldKind.AP_INQUIRY, reason, null, null, system, scope.linkedReference(), null,
              inquiry.registeredBy(), reviewOn);
      inquiries.scopeHeld(scope.id(), legalHolds.place(hold, inquiry.registeredBy()));
      placed++;
    }
    inquiries.addEvent(inquiry.id(), "LEGAL_HOLD_PLACED", null, clock.instant(), placed + " legal hold(s)");
    return placed;
  }

  /**
   * RET-4: after the AP closed the inquiry, a privacy officer releases its holds (through the hold service). Refused
   * while the inquiry is not closed in the product's table.
   */
  @Transactional
  public int releaseHolds(String reference, boolean confirmed, String user) {
    ApInquiry inquiry = inquiries.get(reference);
    if (inquiry.status() != ApInquiryStatus.CLOSED) {
      throw new RefusedStepException(Kind.NOT_ALLOWED, "AP-onderzoek " + reference + " is niet afgesloten; de "
          + "legal hold blijft staan.");
    }
    requireGroup(user, "de legal hold opheffen", Groups.PRIVACY_OFFICERS);
    if (!confirmed) {
      throw new RefusedStepException("Bevestig dat de legal hold van dit AP-onderzoek wordt opgeheven (een andere "
          + "reden om te bewaren legt u vast in het register van legal holds).");
    }
    int released = 0;
    for (ApInquiryRepository.Scope scope : inquiries.scope(inquiry.id())) {
      if (scope.legalHoldId() != null && legalHolds.release(scope.legalHoldId(), user)) {
        released++;
      }
    }
    Instant now = clock.instant();
    inquiries.holdsReleased(inquiry.id(), user, now);
    inquiries.addEvent(inquiry.id(), "LEGAL_HOLD_RELEASED", user, now, released + " legal hold(s)");
    return released;
  }

  // ---- answering -----------------------------------------------------------------------------------------------

  /** A privacy officer drafts the answer to the AP: the first of the four eyes (CMP-4). */
  @Transactional
  public void draftAnswer(String reference, String answer, String user) {
    ApInquiry inquiry = inquiries.get(reference);
    if (inquiry.status() != ApInquiryStatus.REGISTERED) {
      throw new RefusedStepException(Kind.NOT_ALLOWED, "AP-onderzoek " + reference + " wacht niet op een concept.");
    }
    requireGroup(user, "het antwoord opstellen", Groups.PRIVACY_OFFICERS);
    if (answer == null || answer.length() < 20) {
      throw new RefusedStepException("Schrijf het antwoord aan de AP (minstens 20 tekens).");
    }
    if (answer.length() > MAX_TOPIC) {
      throw new RefusedStepException("Het antwoord is te lang.");
    }
    Instant now = clock.instant();
    inquiries.drafted(inquiry.id(), answer, user, now);
    inquiries.addEvent(inquiry.id(), "ANSWER_DRAFTED", user, now, null);
  }

  /**
   * The FG advises on the draft (CMP-4 "with the FG"); the advice is recorded, it decides nothing (Art 38(6)). Only a
   * member of the FG group advises.
   */
  @Transactional
  public void recordFgAdvice(String reference, String advice, String note, String user) {
    ApInquiry inquiry = inquiries.get(reference);
    if (inquiry.status() != ApInquiryStatus.DRAFTED) {
      throw new RefusedStepException(Kind.NOT_ALLOWED, "AP-onderzoek " + reference + " heeft geen concept dat op "
          + "advies wacht.");
    }
    requireGroup(user, "advies geven", Groups.FG);
    if (advice == null || !FG_ADVICE.contains(advice)) {
      throw new RefusedStepException("Kies AGREE (eens), AGREE_WITH_REMARKS (eens met opmerkingen) of DISAGREE "
          + "(oneens).");
    }
    if (!"AGREE".equals(advice) && note == null) {
      throw new RefusedStepException("Licht het advies toe.");
    }
    Instant now = clock.instant();
    inquiries.advised(inquiry.id(), advice, note, user, now);
    inquiries.addEvent(inquiry.id(), "FG_ADVICE_" + advice, user, now, note);
  }

  /**
   * Four eyes (CMP-4, DESIGN principle 6): a privacy officer or manager other than the drafter approves the answer, or
   * sends it back for a new draft. The FG never approves (Art 38(6)). Checked here against the inquiry table.
   */
  @Transactional
  public void decideApproval(String reference, boolean approved, String note, String user) {
    ApInquiry inquiry = inquiries.get(reference);
    if (inquiry.status() != ApInquiryStatus.ADVISED || inquiry.draftedBy() == null || inquiry.fgAdvisedBy() == null) {
      throw new RefusedStepException(Kind.NOT_ALLOWED, "AP-onderzoek " + reference + " wacht niet op goedkeuring "
          + "(eerst een concept en het advies van de FG).");
    }
    if (user == null || user.equals(inquiry.draftedBy())) {
      throw new RefusedStepException(Kind.NOT_ALLOWED, "Vier ogen: wie het antwoord aan de AP over " + reference
          + " opstelde, keurt het niet goed.");
    }
    Set<String> groups = groupsOf(user);
    if (groups.contains(Groups.FG) || user.equals(inquiry.fgAdvisedBy())) {
      throw new RefusedStepException(Kind.NOT_ALLOWED, "De FG adviseert en keurt het antwoord aan de AP niet goed "
          + "(art 38 lid 6 AVG).");
    }
    if (!groups.contains(Groups.PRIVACY_OFFICERS) && !groups.contains(Groups.MANAGEMENT)) {
      throw new RefusedStepException(Kind.NOT_ALLOWED, "Alleen een privacy officer of de directie keurt het antwoord "
          + "aan de AP goed.");
    }
    Instant now = clock.instant();
    if (approved) {
      inquiries.approved(inquiry.id(), user, now);
      inquiries.addEvent(inquiry.id(), "ANSWER_APPROVED", user, now, note);
    } else {
      inquiries.sentBack(inquiry.id());
      inquiries.addEvent(inquiry.id(), "ANSWER_SENT_BACK", user, now, note);
    }
  }

  /**
   * The approved answer becomes the answer of record (sent to the AP by the officer through the AP's channel).
   * Refused unless the table shows a draft, the FG's advice and another user's approval (principle 9).
   */
  @Transactional
  public void recordAnswer(String reference) {
    ApInquiry inquiry = inquiries.get(reference);
    if (inquiry.status() == ApInquiryStatus.ANSWERED) {
      return;
    }
    if (inquiry.status() != ApInquiryStatus.APPROVED || inquiry.approvedBy() == null
        || inquiry.approvedBy().equals(inquiry.draftedBy()) || inquiry.fgAdvisedBy() == null) {
      throw new RefusedStepException(Kind.NOT_ALLOWED, "Vier ogen: het antwoord aan de AP over " + reference
          + " is niet na advies van de FG door een tweede persoon goedgekeurd.");
    }
    Instant now = clock.instant();
    inquiries.answered(inquiry.id(), now);
    inquiries.addEvent(inquiry.id(), "ANSWERED", null, now, null);
  }

  /** The AP closed its inquiry: date and result recorded; RET-5 keeps the file two years (configurable). */
  @Transactional
  public void recordClosure(String reference, LocalDate closedOn, String closure, String user) {
    ApInquiry inquiry = inquiries.get(reference);
    if (inquiry.status() != ApInquiryStatus.ANSWERED) {
      throw new RefusedStepException(Kind.NOT_ALLOWED, "AP-onderzoek " + reference + " is nog niet beantwoord.");
    }
    requireGroup(user, "de afsluiting vastleggen", Groups.PRIVACY_OFFICERS);
    LocalDate today = calculator.today(clock);
    if (closedOn == null || closedOn.isAfter(today) || closedOn.isBefore(inquiry.receivedOn())) {
      throw new RefusedStepException("Vul de datum in waarop de AP het onderzoek afsloot (niet in de toekomst).");
    }
    if (closure == null || !AP_CLOSURE.contains(closure)) {
      throw new RefusedStepException("Kies CLOSED_NO_ACTION, CLOSED_WITH_ADVICE of CLOSED_WITH_MEASURE.");
    }
    inquiries.closed(inquiry.id(), closedOn, closure, user, today.plus(properties.retention()));
    inquiries.addEvent(inquiry.id(), "AP_CLOSED_" + closure, user, clock.instant(), null);
  }

  // ---- timers and escalation -----------------------------------------------------------------------------------

  /** 08:00 on the configured number of working days (DL-4/DL-5 calendar) before the AP's deadline. */
  public Date escalationAt(String reference) {
    LocalDate deadline = inquiries.get(reference).apDeadline();
    return Date.from(calculator.at0800(calculator.minusWorkingDays(deadline, properties.escalationWorkingDays())));
  }

  /** The AP's deadline as each user task's due date in Tasklist (end of that day, Amsterdam time). */
  public Date dueAt(String reference) {
    return Date.from(calculator.expiryOf(inquiries.get(reference).apDeadline()));
  }

  /** The answer is not approved yet and the AP's deadline nears: privacy officers and the FG are told. */
  @Transactional
  public void escalate(String reference) {
    ApInquiry inquiry = inquiries.get(reference);
    Map<String, Object> model = Map.of("apDeadline", inquiry.apDeadline(), "receivedOn", inquiry.receivedOn(),
        "apCaseNumber", inquiry.apCaseNumber());
    outbox.queueToGroup(reference, RecipientRole.PRIVACY_OFFICERS, Groups.PRIVACY_OFFICERS, ESCALATION_TEMPLATE,
        model);
    outbox.queueToGroup(reference, RecipientRole.FG, Groups.FG, ESCALATION_TEMPLATE, model);
    inquiries.addEvent(inquiry.id(), "ESCALATED", null, clock.instant(), null);
  }

  // ---- views ---------------------------------------------------------------------------------------------------

  public record ScopeEntry(String kind, String reference, Long legalHoldId) {
  }

  public record InquiryEvent(String type, String by, Instant at, String note) {
  }

  @Transactional(readOnly = true)
  public List<ScopeEntry> scope(ApInquiry inquiry) {
    return inquiries.scope(inquiry.id()).stream().map(s -> new ScopeEntry(s.kind(), s.linkedReference(),
        s.legalHoldId())).toList();
  }

  @Transactional(readOnly = true)
  public List<InquiryEvent> events(ApInquiry inquiry) {
    return inquiries.events(inquiry.id()).stream().map(e -> new InquiryEvent(e.type(), e.byUser(), e.at(), e.note()))
        .toList();
  }

  // ---- helpers -------------------------------------------------------------------------------------------------

  /**
   * The groups of the acting user as the engine authentication carries them (none for anyone else). The public
   * {@code IdentityService#getCurrentAuthentication} returns a type that lives in an engine package named impl.
   */
  private Set<String> groupsOf(String user) {
    Authentication authentication = identityService.getCurrentAuthentication();
    if (user == null || authentication == null || !user.equals(authentication.getUserId())
        || authentication.getGroupIds() == null) {
      return Set.of();
    }
    return new LinkedHashSet<>(authentication.getGroupIds());
  }

  /** Roles are checked here too, not only by the task's candidate groups (DESIGN principle 9). */
  private void requireGroup(String user, String action, String group) {
    if (user == null || !groupsOf(user).contains(group)) {
      throw new RefusedStepException(Kind.NOT_ALLOWED, "Alleen de groep " + group + " mag " + action + ".");
    }
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
