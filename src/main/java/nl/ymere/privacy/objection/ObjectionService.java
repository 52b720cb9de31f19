package nl.ymere.privacy.objection;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.ymere.privacy.identity.IdentityGate;
import nl.ymere.privacy.process.RefusedStepException;
import nl.ymere.privacy.security.FourEyesSteps;
import nl.ymere.privacy.personaldata.LegalBasis;
import nl.ymere.privacy.personaldata.PersonalDataItem;
import nl.ymere.privacy.personaldata.PersonalDataSource;
import nl.ymere.privacy.personaldata.PersonalDataSources;
import nl.ymere.privacy.personaldata.SubjectKey;
import nl.ymere.privacy.process.RefusedStepException;
import nl.ymere.privacy.request.LetterType;
import nl.ymere.privacy.request.ObjectionScope;
import nl.ymere.privacy.request.Outcome;
import nl.ymere.privacy.request.RequestLetters;
import nl.ymere.privacy.request.RequestRecord;
import nl.ymere.privacy.request.RequestRecords;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An objection (OBJ rules). Against direct marketing it is absolute: the marketing items are blocked at once and a
 * suppression entry keeps the objection working (OBJ-2, SD-8). Against legitimate-interest or public-task processing
 * the items are restricted until the decision (SD-7, configurable), a handler weighs compelling grounds and a privacy
 * officer confirms (OBJ-3, four eyes); upheld, the block stays; rejected, it is lifted after a notice (Art 18(3)).
 * Item descriptions only are read (no content), so no flagged content is read (SEC-1).
 */
@Service
public class ObjectionService {

  /** The source system of newsletter and marketing preferences (personaldata's marketing source). */
  static final String MARKETING_SYSTEM = "marketing";
  /** OBJ-1: objection applies to processing on these bases; against consent it is a withdrawal (CON-2). */
  static final Set<LegalBasis> OBJECTABLE = Set.of(LegalBasis.LEGITIMATE_INTEREST, LegalBasis.PUBLIC_TASK);
  static final int MIN_REASONS = 20;

  private final ObjectionRepository repository;
  private final PersonalDataSources sources;
  private final RequestRecords requests;
  private final RequestLetters letters;
  private final ObjectionProperties properties;
  private final Clock clock;
  private final FourEyesSteps fourEyes;
  private final IdentityGate identity;

  ObjectionService(ObjectionRepository repository, PersonalDataSources sources, RequestRecords requests,
      RequestLetters letters, ObjectionProperties properties, Clock clock, FourEyesSteps fourEyes,
      IdentityGate identity) {
    this.fourEyes = fourEyes;
    this.identity = identity;
    this.repository = repository;
    this.sources = sources;
    this.requests = requests;
    this.letters = letters;
    this.properties = properties;
    this.clock = clock;
  }

  /** The scope the intake did not give, recorded by the desk with the request; refused unless a known code. */
  @Transactional
  public ObjectionScope recordScope(String reference, String code, String user) {
    ObjectionScope scope;
    try {
      scope = ObjectionScope.valueOf(code == null ? "" : code.strip());
    } catch (IllegalArgumentException e) {
      throw new RefusedStepException("Kies waartegen het bezwaar is: direct marketing of gerechtvaardigd belang.");
    }
    requests.recordObjectionScope(reference, scope);
    event(reference, "OBJECTION_SCOPE_RECORDED_" + scope.name(), user);
    return scope;
  }

  /** OBJ-2, SD-8: block every marketing item at once and put the contact address on the suppression list. */
  @Transactional
  public void stopDirectMarketing(String reference) {
    identity.requireEstablished(reference); // ID-1: not required for direct marketing, then recorded NOT_REQUIRED
    repository.createCase(reference, ObjectionScope.DIRECT_MARKETING);
    SubjectKey subject = subjectOf(reference);
    for (PersonalDataItem item : sources.source(MARKETING_SYSTEM).find(subject)) {
      block(reference, item, true);
    }
    if (subject.hasEmail()) {
      repository.suppress(subject.email(), reference, clock.instant());
    }
    event(reference, "DIRECT_MARKETING_STOPPED", null);
  }

  /** SD-7: the processing objected to is restricted until the decision, unless switched off. */
  @Transactional
  public void restrictPendingDecision(String reference) {
    repository.createCase(reference, ObjectionScope.LEGITIMATE_INTEREST);
    collectObjectable(reference);
    event(reference, properties.restrictPendingDecision() ? "OBJECTION_RESTRICTED_PENDING" : "OBJECTION_NOT_RESTRICTED",
        null);
  }

  /** The tenancy number the handler entered: kept in the product table; the items it finds are added (and blocked). */
  @Transactional
  public void addTenancyNumber(String reference, String tenancyNumber) {
    if (tenancyNumber != null && !tenancyNumber.isBlank()) {
      repository.setTenancyNumber(reference, tenancyNumber.strip());
      collectObjectable(reference);
    }
  }

  /** OBJ-3: the handler's balance, documented; the first pair of eyes. */
  @Transactional
  public void weigh(String reference, Boolean compellingGrounds, String reasons, String user) {
    if (user == null) {
      throw new RefusedStepException(RefusedStepException.Kind.NOT_ALLOWED, "De afweging kan alleen door een ingelogde gebruiker worden vastgelegd.");
    }
    if (compellingGrounds == null) {
      throw new RefusedStepException("Kies of er dwingende gerechtvaardigde gronden zijn (OBJ-3).");
    }
    if (reasons == null || reasons.strip().length() < MIN_REASONS) {
      throw new RefusedStepException("Leg de afweging vast (OBJ-3) in minstens " + MIN_REASONS + " tekens.");
    }
    repository.weighed(reference, compellingGrounds, reasons.strip(), user, clock.instant());
    event(reference, compellingGrounds ? "OBJECTION_WEIGHED_REJECT" : "OBJECTION_WEIGHED_UPHOLD", user);
  }

  @Transactional
  public void confirm(String reference, String user) {
    ObjectionRepository.Balance balance = repository.balance(reference).orElse(null);
    if (balance == null || balance.weighedBy() == null) {
      throw new RefusedStepException(RefusedStepException.Kind.NOT_ALLOWED, "Vier ogen: voor verzoek " + reference
          + " is geen afweging vastgelegd; er valt niets te bevestigen (OBJ-3).");
    }
    if (user == null || user.equals(balance.weighedBy())
        || fourEyes.usersOfCase(reference, ObjectionProcess.Variables.OBJECTION_WEIGHER.name()).contains(user)) {
      throw new RefusedStepException(RefusedStepException.Kind.NOT_ALLOWED, "Vier ogen: " + user + " heeft de "
          + "afweging zelf gemaakt en mag haar niet bevestigen (OBJ-3).");
    }
    repository.confirmed(reference, user, clock.instant());
    event(reference, "OBJECTION_BALANCE_CONFIRMED", user);
  }

  /** Objection upheld: processing stops, the block stays (OBJ-3; erasure may follow per ERA-1). */
  @Transactional
  public void upheld(String reference) {
    requireDecided(reference, false);
    event(reference, "OBJECTION_UPHELD", null);
  }

  /** Objection rejected: the person is told before the block is lifted (Art 18(3), RES-3). */
  @Transactional
  public void liftAfterNotice(String reference) {
    requireDecided(reference, true);
    RequestRecord request = requests.getByReference(reference);
    List<ObjectionItem> toLift = repository.items(reference).stream()
        .filter(item -> item.restrictedHere() && !item.lifted()).toList();
    letters.send(request, LetterType.RESTRICTION_LIFT_NOTICE, Map.of("items", toLift));
    for (ObjectionItem item : toLift) {
      sources.restrict(item.ref(), false);
      repository.lifted(reference, item.ref(), clock.instant());
    }
    event(reference, "OBJECTION_RESTRICTION_LIFTED", null);
  }

  /** The letter (LET-3 when rejected: reasons, AP complaint, court route) and the outcome (REQ-5). */
  @Transactional
  public Outcome sendLetter(String reference) {
    identity.requireEstablished(reference);
    ObjectionRepository.Balance balance = repository.balance(reference).orElseThrow(() -> new RefusedStepException(
        RefusedStepException.Kind.NOT_ALLOWED, "Voor verzoek " + reference + " is geen bezwaar vastgelegd."));
    ObjectionScope scope = balance.scope();
    boolean compellingGrounds = false;
    if (scope == ObjectionScope.LEGITIMATE_INTEREST) {
      requireDecided(reference, null);
      compellingGrounds = balance.compellingGrounds();
    }
    Outcome outcome = scope == ObjectionScope.LEGITIMATE_INTEREST && compellingGrounds ? Outcome.REFUSED
        : Outcome.GRANTED;
    Map<String, Object> variables = new LinkedHashMap<>();
    variables.put("outcome", outcome.name());
    variables.put("scope", scope.name());
    variables.put("items", repository.items(reference));
    variables.put("suppressed", scope == ObjectionScope.DIRECT_MARKETING);
    variables.put("reasons", outcome == Outcome.REFUSED ? repository.balancingReasons(reference).orElse("") : "");
    letters.send(requests.getByReference(reference), LetterType.OBJECTION_RESULT, variables);
    event(reference, "OBJECTION_LETTER_QUEUED_" + outcome.name(), null);
    return outcome;
  }

  /**
   * OBJ-3 on the product's table (issue 14): an objection is upheld, or its block lifted, only on a balance in
   * {@code objection_case} confirmed by a user other than the weigher, and only as that balance says (null: either);
   * the variables {@code compellingGrounds}, {@code objectionScope} and {@code objectionBalanceConfirmed} count for
   * nothing. The request's identity must be established (ID-1, {@link IdentityGate}).
   */
  private void requireDecided(String reference, Boolean compellingGrounds) {
    identity.requireEstablished(reference);
    ObjectionRepository.Balance balance = repository.balance(reference).orElse(null);
    if (balance == null || !balance.confirmedBySecondPerson()) {
      throw new RefusedStepException(RefusedStepException.Kind.NOT_ALLOWED, "Vier ogen: de afweging van verzoek "
          + reference + " is niet door een tweede medewerker bevestigd (OBJ-3).");
    }
    if (compellingGrounds != null && !compellingGrounds.equals(balance.compellingGrounds())) {
      throw new RefusedStepException(RefusedStepException.Kind.NOT_ALLOWED, "De bevestigde afweging van verzoek "
          + reference + " luidt anders: deze stap past er niet bij (OBJ-3).");
    }
  }

  /** The items objected to, for the task description (references, categories, restriction state; no content). */
  public String summary(String reference) {
    StringBuilder text = new StringBuilder();
    for (ObjectionItem item : repository.items(reference)) {
      text.append(item.ref()).append(item.restrictedHere() && !item.lifted() ? " BEPERKT" : "").append(" (")
          .append(item.category()).append(")\n");
    }
    String summary = text.isEmpty() ? "Geen items op grond van gerechtvaardigd of algemeen belang gevonden."
        : text.toString();
    return summary.length() > 3900 ? summary.substring(0, 3900) + "…" : summary;
  }

  public List<ObjectionItem> items(String reference) {
    return repository.items(reference);
  }

  public boolean suppressed(String email) {
    return repository.suppressed(email);
  }

  private void collectObjectable(String reference) {
    SubjectKey subject = subjectOf(reference);
    for (PersonalDataSource source : sources.all()) {
      source.find(subject).stream().filter(item -> OBJECTABLE.contains(item.legalBasis()))
          .forEach(item -> block(reference, item, properties.restrictPendingDecision()));
    }
  }

  private void block(String reference, PersonalDataItem item, boolean restrict) {
    boolean restrictHere = restrict && !item.restricted();
    if (restrictHere) {
      sources.restrict(item.ref(), true);
    }
    repository.addIfAbsent(reference, item.ref(), item.category(), restrictHere);
  }

  private SubjectKey subjectOf(String reference) {
    RequestRecord request = requests.getByReference(reference);
    boolean forOther = request.subjectName() != null && !request.subjectName().isBlank();
    String name = forOther ? request.subjectName() : request.requesterName();
    LocalDate dateOfBirth = forOther ? request.subjectDateOfBirth() : request.requesterDateOfBirth();
    String email = forOther ? null : request.requesterEmail();
    return new SubjectKey(name, dateOfBirth, email, repository.tenancyNumber(reference).orElse(null));
  }

  private void event(String reference, String type, String user) {
    requests.addEvent(requests.getByReference(reference).id(), clock.instant(), type, user);
  }
}
