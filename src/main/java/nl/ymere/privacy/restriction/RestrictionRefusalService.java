package nl.ymere.privacy.restriction;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.ymere.privacy.request.LetterType;
import nl.ymere.privacy.request.Outcome;
import nl.ymere.privacy.request.RequestLetters;
import nl.ymere.privacy.request.RequestRecords;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import nl.ymere.privacy.process.RefusedStepException;
import nl.ymere.privacy.security.FourEyesSteps;

/**
 * Refusing a restriction request when no ground of Art 18(1) (RES-1 a-e) applies: the handler proposes the refusal
 * with case-specific reasons (kept in {@code privacy.restriction_refusal}, never in the process), a privacy officer
 * who is not the proposer confirms or sends it back (four eyes, DESIGN principle 6), and the LET-3 letter says what
 * was and was not done, why, and how to complain to the AP or petition the district court. Nothing is blocked in any
 * source on this path.
 */
@Service
public class RestrictionRefusalService {

  static final int MIN_REASONS = 20;

  private final RestrictionRefusalRepository repository;
  private final RestrictionRepository items;
  private final RequestRecords requests;
  private final RequestLetters letters;
  private final Clock clock;
  private final FourEyesSteps fourEyes;

  RestrictionRefusalService(RestrictionRefusalRepository repository, RestrictionRepository items,
      RequestRecords requests, RequestLetters letters, Clock clock, FourEyesSteps fourEyes) {
    this.fourEyes = fourEyes;
    this.repository = repository;
    this.items = items;
    this.requests = requests;
    this.letters = letters;
    this.clock = clock;
  }

  /** The first pair of eyes: records the proposal; refuses, changing nothing, reasons shorter than 20 characters. */
  @Transactional
  public void propose(String reference, String reasons, String user) {
    if (user == null) {
      throw new RestrictionRefusedException("De weigering kan alleen door een ingelogde gebruiker worden voorgesteld.");
    }
    if (reasons == null || reasons.strip().length() < MIN_REASONS) {
      throw new RestrictionRefusedException("Motiveer de weigering in minstens " + MIN_REASONS + " tekens: waarom "
          + "geen grond van artikel 18 lid 1 AVG geldt (RES-1, LET-3).");
    }
    if (!items.items(reference).isEmpty()) {
      throw new RestrictionRefusedException("Voor " + reference + " is de beperking al vastgelegd.");
    }
    repository.propose(reference, reasons.strip(), user, clock.instant());
    event(reference, "RESTRICTION_REFUSAL_PROPOSED", user);
  }

  /** The second pair of eyes confirms (the four-eyes listener has refused the proposer already). */
  @Transactional
  public void confirm(String reference, String user) {
    decide(reference, RestrictionRefusalRepository.CONFIRMED, user);
    event(reference, "RESTRICTION_REFUSAL_CONFIRMED", user);
  }

  /** Not confirmed: the proposal stays on record as sent back; the handler chooses again. */
  @Transactional
  public void sendBack(String reference, String user) {
    decide(reference, RestrictionRefusalRepository.SENT_BACK, user);
    event(reference, "RESTRICTION_REFUSAL_SENT_BACK", user);
  }

  /** LET-3: nothing restricted, the confirmed reasons, AP complaint and the court route; outcome REFUSED (REQ-5). */
  @Transactional
  public Outcome sendLetter(String reference) {
    String reasons = repository.confirmedReasons(reference).orElseThrow(() -> new RefusedStepException(
        RefusedStepException.Kind.NOT_ALLOWED, "Vier ogen: de weigering van verzoek " + reference + " is niet door "
        + "een tweede medewerker bevestigd; er gaat geen weigeringsbrief uit (LET-3)."));
    Map<String, Object> variables = new LinkedHashMap<>();
    variables.put("outcome", Outcome.REFUSED.name());
    variables.put("items", List.of());
    variables.put("ground", null);
    variables.put("recipients", List.of());
    variables.put("notTold", List.of());
    variables.put("reasons", reasons);
    letters.send(requests.getByReference(reference), LetterType.RESTRICTION_RESULT, variables);
    event(reference, "RESTRICTION_LETTER_QUEUED_REFUSED", null);
    return Outcome.REFUSED;
  }

  /** The confirm task's description: who proposed the refusal; the reasons stay out of the engine (SEC-3). */
  public String summary(String reference) {
    return "Voorgestelde weigering van de beperking (geen grond van RES-1) door "
        + repository.openProposer(reference).orElse("onbekend")
        + ". Lees de motivering, die zo in de brief komt, in het tabblad Zaak (scherm 'Weigering van beperking "
        + "bevestigen'); zij staat bij het verzoek, niet in deze taak (SEC-3).";
  }

  /** The refusals proposed for the request with their reasons, for the confirming officer. */
  List<RestrictionRefusalRepository.Refusal> refusals(String reference) {
    return repository.refusals(reference);
  }

  private void decide(String reference, String decision, String user) {
    if (user == null) {
      throw new RestrictionRefusedException("De weigering kan alleen door een ingelogde gebruiker worden beoordeeld.");
    }
    // LET-3, four eyes on the product's tables (issue 14): every proposer of a refusal of this request, in any round
    if (repository.proposers(reference).contains(user)
        || fourEyes.usersOfCase(reference, RestrictionProcess.Variables.REFUSAL_DRAFTER.name()).contains(user)) {
      throw new RefusedStepException(RefusedStepException.Kind.NOT_ALLOWED, "Vier ogen: " + user + " heeft de "
          + "weigering zelf voorgesteld en mag haar niet beoordelen (RES-1, LET-3).");
    }
    if (repository.decide(reference, decision, user, clock.instant()) != 1) {
      throw new IllegalStateException("No open restriction refusal for " + reference);
    }
  }

  private void event(String reference, String type, String user) {
    requests.addEvent(requests.getByReference(reference).id(), clock.instant(), type, user);
  }
}
