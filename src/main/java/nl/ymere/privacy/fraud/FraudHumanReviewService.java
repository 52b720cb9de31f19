package nl.ymere.privacy.fraud;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import nl.ymere.privacy.process.RefusedStepException;
import nl.ymere.privacy.process.RefusedStepException.Kind;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The fraud capability's facade for a human-review request (Art 22(3) AVG, UAVG art 40; ADM-6): finds the decision in
 * question and checks it concerns the person, names who was involved before (reporter, registrar, every assessor),
 * and records the new decision of two uninvolved reviewers, each with own reasons (ADM-2), against the signal. Error
 * messages hold references only (SEC-3): they may reach Tasklist and incidents.
 */
@Service
public class FraudHumanReviewService {

  /** Steps of the two reviewers in {@code privacy.fraud_assessment}, beside FIRST and SECOND. */
  static final String REVIEW_PROPOSAL = "REVIEW1";
  static final String REVIEW_DECISION = "REVIEW2";
  private static final List<String> CHOICES = List.of(FraudSignalProcess.INVESTIGATE, FraudSignalProcess.DISMISS);

  private final FraudSignalRepository signals;
  private final FraudOutcomeService outcomes;
  private final Clock clock;

  FraudHumanReviewService(FraudSignalRepository signals, FraudOutcomeService outcomes, Clock clock) {
    this.signals = signals;
    this.outcomes = outcomes;
    this.clock = clock;
  }

  /**
   * The decided signal {@code signalReference}, checked to be about the person: the tenancy number matches the
   * signal's tenancy, or the postal address matches its address. The read is logged (SEC-1, purpose HUMAN_REVIEW).
   *
   * @throws RefusedStepException with a clear message when the reference is unknown, the signal's data were
   *     deleted, it has no decision yet, or it concerns another tenancy or address
   */
  @Transactional
  public String link(String signalReference, String tenancyNumber, String postalAddress, String readBy) {
    if (signalReference == null || signalReference.isBlank()) {
      throw new RefusedStepException("Vul de referentie van het fraudesignaal in (bijvoorbeeld WF-2026-000001).");
    }
    String reference = signalReference.strip().toUpperCase(Locale.ROOT);
    FraudSignal signal = signals.findByReference(reference).orElseThrow(() -> new RefusedStepException(
        "Er is geen fraudesignaal met referentie " + echo(reference) + "."));
    signals.logRead(reference, readBy, ReadPurpose.HUMAN_REVIEW, clock.instant());
    if (signal.status() == SignalStatus.DATA_DELETED) {
      throw new RefusedStepException(Kind.NOT_ALLOWED, "De gegevens van fraudesignaal " + reference + " zijn na de "
          + "afwijzing verwijderd; er is geen besluit meer om opnieuw te nemen.");
    }
    if (signal.decision() == null) {
      throw new RefusedStepException(Kind.NOT_ALLOWED, "Over fraudesignaal " + reference + " is nog niet besloten; "
          + "de beoordeling door twee medewerkers loopt nog (ADM-2).");
    }
    boolean sameTenancy = tenancyNumber != null && signal.tenancyReference() != null
        && compact(tenancyNumber).equals(compact(signal.tenancyReference()));
    boolean sameAddress = postalAddress != null && signal.address() != null
        && compact(postalAddress).equals(compact(signal.address()));
    if (!sameTenancy && !sameAddress) {
      throw new RefusedStepException("Fraudesignaal " + reference + " gaat niet over het huurcontract of adres van "
          + "de persoon van dit verzoek. Controleer de signaalreferentie en het huurovereenkomstnummer.");
    }
    return reference;
  }

  /** ADM-6: everyone involved before (reporter, registrar, every earlier assessor or reviewer); none may review. */
  @Transactional(readOnly = true)
  public Set<String> involvedUsers(String signalReference) {
    FraudSignal signal = signals.getByReference(signalReference);
    Set<String> users = new LinkedHashSet<>();
    if (signal.reporterUser() != null) {
      users.add(signal.reporterUser());
    }
    users.add(signal.registeredBy());
    signals.assessments(signal.id()).forEach(a -> users.add(a.assessor()));
    return users;
  }

  /** ADM-2: why a reviewer's reasons are refused ("agree with the model" alone), or empty when acceptable. */
  public Optional<String> reasoningProblem(String reasoning) {
    return AssessmentReasoning.problem(reasoning);
  }

  /**
   * The new decision (ADM-6): the proposal and the confirming or overturning decision, each with own reasons, stored
   * as assessments of the signal; the decision becomes the signal's decision. The explanation then shows both. A
   * changed decision changes the signal's status: a dismissed signal now to be investigated gets a case reference and
   * leaves DISMISSED, so its pending deletion does not destroy the data (the deletion step refuses, visible as an
   * incident); an investigated signal now dismissed becomes DISMISSED with its retention end date (RET).
   */
  @Transactional
  public void recordReview(String signalReference, String proposer, String proposal, String proposalReasons,
      String reviewer, String decision, String decisionReasons) {
    if (!CHOICES.contains(proposal) || !CHOICES.contains(decision)) {
      throw new RefusedStepException("Kies INVESTIGATE (onderzoek) of DISMISS (signaal afwijzen).");
    }
    if (proposer == null || proposer.equals(reviewer)) {
      throw new RefusedStepException(Kind.NOT_ALLOWED, "Vier ogen: voorstel en besluit moeten van twee "
          + "verschillende medewerkers komen (ADM-6).");
    }
    Set<String> involved = involvedUsers(signalReference);
    if (involved.contains(proposer) || involved.contains(reviewer)) {
      throw new RefusedStepException(Kind.NOT_ALLOWED, "ADM-6: wie eerder bij fraudesignaal " + signalReference
          + " betrokken was, neemt het besluit niet opnieuw.");
    }
    for (String reasons : List.of(proposalReasons == null ? "" : proposalReasons,
        decisionReasons == null ? "" : decisionReasons)) {
      reasoningProblem(reasons).ifPresent(problem -> {
        throw new RefusedStepException(problem);
      });
    }
    FraudSignal signal = signals.getByReference(signalReference);
    Instant now = clock.instant();
    signals.insertAssessment(signal.id(), REVIEW_PROPOSAL, proposer, proposal, proposalReasons.strip(), now);
    signals.insertAssessment(signal.id(), REVIEW_DECISION, reviewer, decision, decisionReasons.strip(), now);
    signals.recordDecision(signal.id(), decision, now);
    if (FraudSignalProcess.INVESTIGATE.equals(decision) && signal.status() == SignalStatus.DISMISSED) {
      outcomes.openInvestigation(signalReference);
    } else if (FraudSignalProcess.DISMISS.equals(decision) && signal.status() == SignalStatus.INVESTIGATION_OPENED) {
      outcomes.recordDismissal(signalReference);
    }
  }

  private static String compact(String text) {
    return text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]", "");
  }

  /** Only a well-formed reference is repeated: whatever else was typed may be personal data (SEC-3). */
  private static String echo(String reference) {
    return reference.matches("WF-\\d{4}-\\d{6}") ? reference : "'(ongeldig formaat, verwacht WF-jjjj-nnnnnn)'";
  }
}
