package nl.ymere.privacy.humanreview;

import java.time.Clock;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import nl.ymere.privacy.identity.IdentityGate;
import nl.ymere.privacy.process.RefusedStepException;
import nl.ymere.privacy.security.FourEyesSteps;
import nl.ymere.privacy.fraud.FraudExplanation;
import nl.ymere.privacy.fraud.FraudExplanationService;
import nl.ymere.privacy.fraud.FraudHumanReviewService;
import nl.ymere.privacy.fraud.FraudSignalProcess;
import nl.ymere.privacy.fraud.ReadPurpose;
import nl.ymere.privacy.process.RefusedStepException;
import nl.ymere.privacy.request.LetterType;
import nl.ymere.privacy.request.Outcome;
import nl.ymere.privacy.request.RequestLetters;
import nl.ymere.privacy.request.RequestRecord;
import nl.ymere.privacy.request.RequestRecords;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A human review of an automated decision (Art 22(3) AVG, UAVG art 40; ADM-6): the decision in question (a fraud
 * signal's decision) is linked and checked to concern the person; the person can state a view within the configured
 * period; two people not involved before decide anew, each with own reasons (ADM-2), the second confirming or
 * overturning the first; the new decision is recorded against the signal through the fraud facade; the letter
 * explains the outcome and the logic used (ADM-3) and, when unfavourable, the remedies (LET-3). Free text (view,
 * reasons) stays in {@code privacy.human_review} (SEC-3).
 */
@Service
public class HumanReviewService {

  static final int MAX_TEXT = 100_000;

  private final HumanReviewRepository repository;
  private final FraudHumanReviewService fraud;
  private final FraudExplanationService explanations;
  private final RequestRecords requests;
  private final RequestLetters letters;
  private final HumanReviewProperties properties;
  private final Clock clock;
  private final FourEyesSteps fourEyes;
  private final IdentityGate identity;

  HumanReviewService(HumanReviewRepository repository, FraudHumanReviewService fraud,
      FraudExplanationService explanations, RequestRecords requests, RequestLetters letters,
      HumanReviewProperties properties, Clock clock, FourEyesSteps fourEyes, IdentityGate identity) {
    this.fourEyes = fourEyes;
    this.identity = identity;
    this.repository = repository;
    this.fraud = fraud;
    this.explanations = explanations;
    this.requests = requests;
    this.letters = letters;
    this.properties = properties;
    this.clock = clock;
  }

  /**
   * The desk links the request to the decision concerned; a wrong, unknown or undecided signal, or one about another
   * tenancy or address, is refused with a clear message and nothing is stored.
   */
  @Transactional
  public String link(String reference, String signalReference, String tenancyNumber, String user) {
    requireUser(user);
    RequestRecord request = requests.getByReference(reference);
    String signal = fraud.link(signalReference, tenancyNumber, request.requesterPostalAddress(), user);
    repository.link(reference, signal, user, clock.instant());
    event(reference, "HUMAN_REVIEW_DECISION_LINKED", user);
    return signal;
  }

  /** ADM-6: the person is invited to state a view by a date {@code privacy.human-review.view-period} ahead. */
  @Transactional
  public void inviteView(String reference) {
    Instant dueAt = ZonedDateTime.now(clock).plus(properties.viewPeriod()).toInstant();
    repository.viewDue(reference, dueAt);
    letters.send(requests.getByReference(reference), LetterType.HUMAN_REVIEW_VIEW_INVITATION,
        Map.of("viewDueDate", dueAt.atZone(clock.getZone()).toLocalDate()));
    event(reference, "HUMAN_REVIEW_VIEW_INVITED", null);
  }

  /** The date the view period ends: the boundary timer of the view task. */
  public Date viewDueAt(String reference) {
    return Date.from(getCase(reference).viewDueAt());
  }

  @Transactional
  public void recordView(String reference, String viewText, String user) {
    requireUser(user);
    if (viewText == null || viewText.isBlank()) {
      throw new RefusedStepException("Leg de zienswijze van de persoon vast (samenvatting of volledige tekst). "
          + "Kwam er geen zienswijze, laat de taak dan open: na de termijn gaat het proces vanzelf verder.");
    }
    if (viewText.length() > MAX_TEXT) {
      throw new RefusedStepException("De zienswijze mag hoogstens " + MAX_TEXT + " tekens zijn.");
    }
    repository.viewReceived(reference, viewText.strip(), user, clock.instant());
    event(reference, "HUMAN_REVIEW_VIEW_RECEIVED", user);
  }

  @Transactional
  public void recordNoView(String reference) {
    repository.viewLapsed(reference, clock.instant());
    event(reference, "HUMAN_REVIEW_NO_VIEW_IN_TIME", null);
  }

  /** ADM-6, ADM-2: the first reviewer proposes anew with own reasons. */
  @Transactional
  public void propose(String reference, String proposal, String reasons, String user) {
    requireUser(user);
    requireChoice(proposal);
    refuseInvolved(reference, user);
    requireReasons(reasons);
    repository.proposed(reference, proposal, reasons.strip(), user, clock.instant());
    event(reference, "HUMAN_REVIEW_PROPOSED", user);
  }

  /**
   * ADM-6, ADM-2: the second reviewer confirms or overturns with own reasons; the new decision is recorded against
   * the signal with both reasons. Returns the new decision.
   */
  @Transactional
  public String decide(String reference, Boolean confirmed, String reasons, String user) {
    requireUser(user);
    if (confirmed == null) {
      throw new RefusedStepException("Kies of u het voorstel bevestigt of verwerpt.");
    }
    refuseInvolved(reference, user);
    requireReasons(reasons);
    identity.requireEstablished(reference);
    HumanReviewCase review = getCase(reference);
    // ADM-6, ADM-2 on the product's tables (issue 14): a proposal must be recorded, and its proposer (any round) may
    // not decide on it, whatever the variable reviewProposer says
    if (review.proposedBy() == null || review.proposal() == null) {
      throw new RefusedStepException(RefusedStepException.Kind.NOT_ALLOWED, "Vier ogen: voor verzoek " + reference
          + " is geen voorstel vastgelegd; er valt niets te beslissen (ADM-6).");
    }
    if (user.equals(review.proposedBy())
        || fourEyes.usersOfCase(reference, HumanReviewProcess.Variables.PROPOSER.name()).contains(user)) {
      throw new RefusedStepException(RefusedStepException.Kind.NOT_ALLOWED, "Vier ogen: " + user + " deed het "
          + "voorstel en mag er niet zelf over beslissen (ADM-6).");
    }
    String decision = confirmed ? review.proposal() : opposite(review.proposal());
    fraud.recordReview(review.signalReference(), review.proposedBy(), review.proposal(), review.proposalReasons(),
        user, decision, reasons);
    repository.decided(reference, confirmed, decision, reasons.strip(), user, clock.instant());
    event(reference, confirmed ? "HUMAN_REVIEW_PROPOSAL_CONFIRMED" : "HUMAN_REVIEW_PROPOSAL_OVERTURNED", user);
    return decision;
  }

  /** Everyone involved before in the decision under review (ADM-6): none of them may review it. */
  public Set<String> involvedUsers(String reference) {
    return fraud.involvedUsers(getCase(reference).signalReference());
  }

  /**
   * The letter: the new decision, its reasons, whether the view was taken into account, and the logic used (ADM-3:
   * model version, data used, score, threshold, main factors); when the decision stays unfavourable (an investigation),
   * the remedies of LET-3. Returns the outcome (REQ-5).
   */
  @Transactional
  public Outcome sendLetter(String reference, String readBy) {
    identity.requireEstablished(reference);
    HumanReviewCase review = getCase(reference);
    if (review.decidedBy() == null || review.decision() == null || review.decidedBy().equals(review.proposedBy())) {
      throw new RefusedStepException(RefusedStepException.Kind.NOT_ALLOWED, "Vier ogen: over verzoek " + reference
          + " hebben nog geen twee medewerkers opnieuw beslist; er gaat geen brief uit (ADM-6).");
    }
    FraudExplanation explanation = explanations.explain(review.signalReference(), readBy == null ? "system" : readBy,
        ReadPurpose.HUMAN_REVIEW);
    boolean favourable = FraudSignalProcess.DISMISS.equals(review.decision());
    Outcome outcome = favourable ? Outcome.GRANTED : Outcome.PARTIALLY_GRANTED;
    Map<String, Object> variables = new LinkedHashMap<>();
    variables.put("outcome", outcome.name());
    variables.put("decision", review.decision());
    variables.put("confirmed", Boolean.TRUE.equals(review.proposalConfirmed()));
    variables.put("viewReceived", review.viewReceived());
    variables.put("proposalReasons", review.proposalReasons());
    variables.put("decisionReasons", review.decisionReasons());
    variables.put("explanation", explanation);
    letters.send(requests.getByReference(reference), LetterType.HUMAN_REVIEW_RESULT, variables);
    event(reference, "HUMAN_REVIEW_LETTER_QUEUED_" + outcome.name(), null);
    return outcome;
  }

  Set<String> refuseInvolved(String reference, String user) {
    Set<String> involved = involvedUsers(reference);
    if (involved.contains(user)) {
      throw new InvolvedReviewerException(user);
    }
    return involved;
  }

  private HumanReviewCase getCase(String reference) {
    return repository.find(reference).orElseThrow(() -> new IllegalStateException(
        "Request " + reference + " is not linked to an automated decision"));
  }

  private void requireReasons(String reasons) {
    fraud.reasoningProblem(reasons).ifPresent(problem -> {
      throw new RefusedStepException(problem);
    });
    if (reasons.length() > MAX_TEXT) {
      throw new RefusedStepException("De motivering mag hoogstens " + MAX_TEXT + " tekens zijn.");
    }
  }

  private static void requireChoice(String choice) {
    if (!FraudSignalProcess.INVESTIGATE.equals(choice) && !FraudSignalProcess.DISMISS.equals(choice)) {
      throw new RefusedStepException("Kies INVESTIGATE (onderzoek blijft of wordt geopend) of DISMISS (signaal "
          + "afwijzen).");
    }
  }

  private static String opposite(String choice) {
    return FraudSignalProcess.INVESTIGATE.equals(choice) ? FraudSignalProcess.DISMISS : FraudSignalProcess.INVESTIGATE;
  }

  private static void requireUser(String user) {
    if (user == null) {
      throw new RefusedStepException(RefusedStepException.Kind.NOT_ALLOWED, "Deze stap kan alleen door een ingelogde gebruiker worden afgerond.");
    }
  }

  private void event(String reference, String type, String user) {
    requests.addEvent(requests.getByReference(reference).id(), clock.instant(), type, user);
  }
}
