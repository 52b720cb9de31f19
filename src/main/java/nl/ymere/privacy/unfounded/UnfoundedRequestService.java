package nl.ymere.privacy.unfounded;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import nl.ymere.privacy.mail.RecipientRole;
import nl.ymere.privacy.process.RefusedStepException;
import nl.ymere.privacy.process.RefusedStepException.Kind;
import nl.ymere.privacy.process.SystemActions;
import nl.ymere.privacy.request.LetterType;
import nl.ymere.privacy.request.RequestDeadlineService;
import nl.ymere.privacy.request.RequestLetters;
import nl.ymere.privacy.request.RequestRecord;
import nl.ymere.privacy.request.RequestRecords;
import nl.ymere.privacy.request.RequestStatus;
import nl.ymere.privacy.security.FourEyesSteps;
import nl.ymere.privacy.security.Groups;
import nl.ymere.privacy.unfounded.UnfoundedRequestProcess.Messages;
import nl.ymere.privacy.unfounded.UnfoundedRequestProcess.Variables;
import nl.ymere.privacy.unfounded.UnfoundedRequestRepository.Proposal;
import nl.ymere.privacy.web.ApiConflictException;
import nl.ymere.privacy.web.ApiFieldErrors;
import nl.ymere.privacy.web.ApiNotFoundException;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Manifestly unfounded or excessive requests (REQ-3, Art 12(5)). A handler proposes with recorded grounds (kept here,
 * never in the engine: SEC-3); a privacy officer who is not the proposer decides (four eyes): refuse (LET-3 letter,
 * REFUSED), charge the configured fee (LET-4 fee notice first; the person withdraws, pays or narrows within the
 * period, else the request is refused) or reject the proposal (handling goes on). The corporation bears the proof:
 * the grounds are required and case-specific. Each step checks its preconditions in
 * {@code privacy.dsr_unfounded_proposal} (DESIGN principle 9): the decision is refused to the proposer as the row
 * names them, and no refusal, fee notice or withdrawal letter goes out without the officer's decision there, whatever
 * the process variables say.
 */
@Service
public class UnfoundedRequestService {

  static final int MIN_GROUNDS = 30;
  static final String INFORMED_TEMPLATE = "request-unfounded-informed";
  static final int MAX_GROUNDS = 10_000;

  private final UnfoundedRequestRepository repository;
  private final RequestRecords requests;
  private final RequestLetters letters;
  private final RequestDeadlineService deadlines;
  private final UnfoundedRequestProperties properties;
  private final RuntimeService runtimeService;
  private final SystemActions system;
  private final FourEyesSteps fourEyes;
  private final Clock clock;

  UnfoundedRequestService(UnfoundedRequestRepository repository, RequestRecords requests, RequestLetters letters,
      RequestDeadlineService deadlines, UnfoundedRequestProperties properties, RuntimeService runtimeService,
      SystemActions system, FourEyesSteps fourEyes, Clock clock) {
    this.repository = repository;
    this.fourEyes = fourEyes;
    this.requests = requests;
    this.letters = letters;
    this.deadlines = deadlines;
    this.properties = properties;
    this.runtimeService = runtimeService;
    this.system = system;
    this.clock = clock;
  }

  /** The handler's proposal: validated, stored with its grounds, and the officer's task started (same transaction). */
  @Transactional
  public void propose(String reference, UnfoundedGround ground, String grounds, String user) {
    ApiFieldErrors errors = new ApiFieldErrors();
    if (ground == null) {
      errors.add("ground", "is required (MANIFESTLY_UNFOUNDED or EXCESSIVE)");
    }
    if (grounds == null || grounds.strip().length() < MIN_GROUNDS) {
      errors.add("grounds", "is required: the case-specific grounds, at least " + MIN_GROUNDS + " characters "
          + "(the corporation bears the proof, REQ-3)");
    } else if (grounds.length() > MAX_GROUNDS) {
      errors.add("grounds", "is longer than " + MAX_GROUNDS + " characters");
    }
    RequestRecord request = open(reference);
    errors.throwIfAny();
    if (repository.latest(request.id()).filter(Proposal::open).isPresent()) {
      throw new ApiConflictException("Request " + reference + " already has an open proposal.");
    }
    repository.insert(request.id(), ground, grounds.strip(), user, clock.instant());
    requests.addEvent(request.id(), clock.instant(), "UNFOUNDED_PROPOSED_" + ground.name(), user);
    // four eyes: the proposer is recorded in the product's table before the officer's task exists (principle 9)
    fourEyes.recordFirstStep(request.processInstanceId(), reference, Variables.PROPOSER.name(), user);
    // the product checked the caller (SecurityConfiguration); the engine step itself runs as the system
    system.run(() -> runtimeService.createMessageCorrelation(Messages.PROPOSED).processInstanceBusinessKey(reference)
        .setVariable(Variables.PROPOSER.name(), user).correlateWithResult());
  }

  /** The person's answer to the fee notice, registered by the desk. */
  @Transactional
  public void answerFee(String reference, FeeResponse response, String user) {
    if (response == null || response == FeeResponse.NO_REPLY) {
      throw new nl.ymere.privacy.web.ApiValidationException("response", "is required (PAID, NARROWED or WITHDRAWN)");
    }
    RequestRecord request = open(reference);
    Proposal proposal = repository.latest(request.id())
        .filter(p -> p.decision() == UnfoundedDecision.FEE && p.feeResponse() == null && p.feeRespondBy() != null)
        .orElseThrow(() -> new ApiConflictException("Request " + reference + " awaits no answer to a fee notice."));
    repository.feeAnswered(proposal.id(), response, clock.instant());
    requests.addEvent(request.id(), clock.instant(), "FEE_" + response.name(), user);
    system.run(() -> runtimeService.createMessageCorrelation(Messages.FEE_RESPONSE)
        .processInstanceBusinessKey(reference).setVariable(Variables.FEE_RESPONSE.name(), response.name())
        .correlateWithResult());
  }

  /**
   * The officer's decision on the open proposal, by a logged-in user other than its proposer as recorded with the
   * proposal (the task's FourEyesTaskListener refuses the proposer earlier; this holds even when an operator changed
   * the {@code unfoundedProposer} variable or the task's authorizations).
   */
  @Transactional
  public UnfoundedDecision decide(String reference, String code, String user) {
    UnfoundedDecision decision;
    try {
      decision = UnfoundedDecision.valueOf(code == null ? "" : code.strip());
    } catch (IllegalArgumentException e) {
      throw new RefusedStepException("Kies: weigeren, een vergoeding vragen of het voorstel afwijzen.");
    }
    properties.checkOffered(decision);
    if (user == null) {
      throw new RefusedStepException(Kind.NOT_ALLOWED, "Over een voorstel kan alleen een ingelogde gebruiker "
          + "besluiten.");
    }
    Proposal proposal = current(reference);
    if (proposal.decision() != null) {
      throw new RefusedStepException(Kind.NOT_ALLOWED, "Over het voorstel bij verzoek " + reference
          + " is al besloten.");
    }
    if (user.equals(proposal.proposedBy())) {
      throw new RefusedStepException(Kind.NOT_ALLOWED, "Vier ogen: " + user + " deed het voorstel bij verzoek "
          + reference + " en mag er niet zelf over besluiten (REQ-3).");
    }
    repository.decided(proposal.id(), decision, user, clock.instant());
    requests.addEvent(proposal.requestId(), clock.instant(), "UNFOUNDED_DECIDED_" + decision.name(), user);
    // REQ-3 "four eyes with the FG": the privacy officer decides, the FG is informed (rulebook section 0)
    letters.notifyGroup(requests.getByReference(reference), Groups.FG, RecipientRole.FG, INFORMED_TEMPLATE,
        Map.of("ground", proposal.ground(), "decision", decision, "proposedBy", proposal.proposedBy(),
            "decidedBy", user));
    return decision;
  }

  /**
   * LET-3: the refusal, with what was and was not done, the grounds, the AP complaint and the court route; also when
   * the fee period lapsed without an answer.
   */
  @Transactional
  public void sendRefusal(String reference) {
    Proposal proposal = decided(reference);
    boolean feeNotAnswered = proposal.decision() == UnfoundedDecision.FEE;
    boolean refused = proposal.decision() == UnfoundedDecision.REFUSE;
    boolean feeLapsed = feeNotAnswered && proposal.feeRespondBy() != null
        && (proposal.feeResponse() == null || proposal.feeResponse() == FeeResponse.NO_REPLY)
        && !clock.instant().isBefore(deadlines.expiryOf(proposal.feeRespondBy()).toInstant());
    if (!refused && !feeLapsed) {
      throw new RefusedStepException(Kind.NOT_ALLOWED, "Geen weigeringsbrief: bij verzoek " + reference + " is "
          + "niet tot weigeren besloten en geen gevraagde vergoeding onbeantwoord gebleven (REQ-3).");
    }
    if (feeNotAnswered && proposal.feeResponse() == null) {
      repository.feeAnswered(proposal.id(), FeeResponse.NO_REPLY, clock.instant());
    }
    Map<String, Object> variables = new LinkedHashMap<>();
    variables.put("ground", proposal.ground().name());
    variables.put("grounds", proposal.grounds());
    variables.put("feeNotPaid", feeNotAnswered);
    variables.put("feeAmount", proposal.feeAmount());
    letters.send(requests.getByReference(reference), LetterType.UNFOUNDED_REFUSAL, variables);
    requests.addEvent(proposal.requestId(), clock.instant(), "UNFOUNDED_REFUSAL_QUEUED", null);
  }

  /** LET-4 fee notice: amount, ground, by when, and that the person may withdraw or narrow the request instead. */
  @Transactional
  public void sendFeeNotice(String reference) {
    Proposal proposal = decided(reference);
    if (proposal.decision() != UnfoundedDecision.FEE || proposal.feeRespondBy() != null) {
      throw new RefusedStepException(Kind.NOT_ALLOWED, "Geen bericht over een vergoeding: bij verzoek " + reference
          + " is niet (of niet opnieuw) tot een vergoeding besloten (REQ-3).");
    }
    LocalDate respondBy = deadlines.today().plus(properties.feeResponsePeriod());
    repository.feeAnnounced(proposal.id(), properties.feeAmount(), respondBy);
    Map<String, Object> variables = new LinkedHashMap<>();
    variables.put("ground", proposal.ground().name());
    variables.put("grounds", proposal.grounds());
    variables.put("feeAmount", properties.feeAmount());
    variables.put("respondBy", respondBy);
    letters.send(requests.getByReference(reference), LetterType.FEE_NOTICE, variables);
    requests.addEvent(proposal.requestId(), clock.instant(), "FEE_NOTICE_QUEUED", null);
  }

  /** The person withdrew after the fee notice: the confirmation letter (nothing charged, request closed). */
  @Transactional
  public void confirmWithdrawal(String reference) {
    Proposal proposal = current(reference);
    if (proposal.feeResponse() != FeeResponse.WITHDRAWN) {
      throw new RefusedStepException(Kind.NOT_ALLOWED, "Geen bevestiging van intrekking: bij verzoek " + reference
          + " is geen intrekking na het bericht over de vergoeding vastgelegd.");
    }
    letters.send(requests.getByReference(reference), LetterType.WITHDRAWAL_CONFIRMATION, Map.of());
    requests.addEvent(proposal.requestId(), clock.instant(), "WITHDRAWAL_CONFIRMATION_QUEUED", null);
  }

  /** Timer of the fee answer: the end of the response day. */
  public Date feeRespondByAt(String reference) {
    return deadlines.expiryOf(current(reference).feeRespondBy());
  }

  /** For {@code GET /api/requests/{reference}/unfounded-proposal} and the officer's task. */
  public Map<String, Object> view(String reference) {
    RequestRecord request = requests.findByReference(reference)
        .orElseThrow(() -> new ApiNotFoundException("No request with reference " + reference));
    Proposal proposal = repository.latest(request.id())
        .orElseThrow(() -> new ApiNotFoundException("No proposal for request " + reference));
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("reference", reference);
    body.put("ground", proposal.ground());
    body.put("grounds", proposal.grounds());
    body.put("proposedBy", proposal.proposedBy());
    body.put("proposedAt", proposal.proposedAt());
    body.put("decision", proposal.decision());
    body.put("decidedBy", proposal.decidedBy());
    body.put("feeAmount", proposal.feeAmount());
    body.put("feeRespondBy", proposal.feeRespondBy());
    body.put("feeResponse", proposal.feeResponse());
    return body;
  }

  private RequestRecord open(String reference) {
    RequestRecord request = requests.findByReference(reference)
        .orElseThrow(() -> new ApiNotFoundException("No request with reference " + reference));
    if (request.status() == RequestStatus.CLOSED) {
      throw new ApiConflictException("Request " + reference + " is closed.");
    }
    return request;
  }

  private Proposal current(String reference) {
    return repository.latest(requests.getByReference(reference).id())
        .orElseThrow(() -> new RefusedStepException(Kind.NOT_ALLOWED, "Geen voorstel bij verzoek " + reference
            + "."));
  }

  /** The current proposal, decided by a privacy officer other than its proposer (four eyes, from the table). */
  private Proposal decided(String reference) {
    Proposal proposal = current(reference);
    if (proposal.decision() == null || proposal.decidedBy() == null
        || proposal.decidedBy().equals(proposal.proposedBy())) {
      throw new RefusedStepException(Kind.NOT_ALLOWED, "Vier ogen: over het voorstel bij verzoek " + reference
          + " heeft geen andere medewerker dan de voorsteller besloten (REQ-3).");
    }
    return proposal;
  }
}
