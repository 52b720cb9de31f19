package nl.ymere.privacy.erasure;

import nl.ymere.privacy.legalhold.LegalHolds;
import nl.ymere.privacy.legalhold.LegalHold;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import nl.ymere.privacy.personaldata.ItemRef;
import nl.ymere.privacy.personaldata.LegalBasis;
import nl.ymere.privacy.personaldata.PersonalDataItem;
import nl.ymere.privacy.personaldata.PersonalDataSource;
import nl.ymere.privacy.personaldata.PersonalDataSources;
import nl.ymere.privacy.personaldata.SubjectKey;
import nl.ymere.privacy.mail.RecipientRole;
import nl.ymere.privacy.request.LetterType;
import nl.ymere.privacy.request.Outcome;
import nl.ymere.privacy.request.RequestLetters;
import nl.ymere.privacy.request.RequestRecord;
import nl.ymere.privacy.request.RequestRecords;
import nl.ymere.privacy.security.Groups;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import java.util.LinkedHashSet;
import java.util.Set;
import nl.ymere.privacy.identity.IdentityGate;
import nl.ymere.privacy.process.RefusedStepException;
import nl.ymere.privacy.security.FourEyesSteps;

/**
 * The erasure list of a request (ERA rules): collected from every source, proposed per item by a handler, confirmed
 * by a second user (ERA-4), carried out through the sources, passed on to the recipients unless impossible or
 * disproportionate with the reason recorded (REQ-6, Art 19), and told in the letter (LET-3, LET-5). An item under a
 * running retention (ERA-2) or a legal hold (RET-4) is never erased or anonymised. The person's other engine history
 * goes in {@link ErasureHistoryRemoval} (RET-6).
 */
@Service
public class ErasureService {

  private static final int DESCRIPTION_LIMIT = 3900;

  private final ErasureRepository repository;
  private final PersonalDataSources sources;
  private final LegalHolds legalHolds;
  private final RequestRecords requests;
  private final RequestLetters letters;
  private final Clock clock;
  private final FourEyesSteps fourEyes;
  private final IdentityGate identity;

  ErasureService(ErasureRepository repository, PersonalDataSources sources, LegalHolds legalHolds,
      RequestRecords requests, RequestLetters letters, Clock clock, FourEyesSteps fourEyes, IdentityGate identity) {
    this.fourEyes = fourEyes;
    this.identity = identity;
    this.repository = repository;
    this.sources = sources;
    this.legalHolds = legalHolds;
    this.requests = requests;
    this.letters = letters;
    this.clock = clock;
  }

  /**
   * Puts every item about the person on the list with a proposed decision: KEEP with the exception when a legal hold
   * or a retention runs, else ERASE. Reads item descriptions only, never content, so no flagged content is read
   * (SEC-1). Items already on the list keep their decision.
   */
  @Transactional
  public int collect(String reference) {
    repository.createCase(reference);
    SubjectKey subject = subjectOf(reference);
    LocalDate today = LocalDate.now(clock);
    int found = 0;
    for (PersonalDataSource source : sources.all()) {
      for (PersonalDataItem item : source.find(subject)) {
        repository.addIfAbsent(reference, proposal(subject, item, today));
        found++;
      }
    }
    return found;
  }

  /** The optional tenancy number the handler entered on the first task; kept in the product table only. */
  @Transactional
  public void setTenancyNumber(String reference, String tenancyNumber) {
    repository.createCase(reference);
    if (tenancyNumber != null && !tenancyNumber.isBlank()) {
      repository.setTenancyNumber(reference, tenancyNumber.strip());
    }
  }

  /** The tenancy number searched on besides name, date of birth and e-mail (erasure proposal screen). */
  public java.util.Optional<String> tenancyNumber(String reference) {
    return repository.tenancyNumber(reference);
  }

  public List<ErasureItem> items(String reference) {
    return repository.items(reference);
  }

  /**
   * The list as the handler and the confirmer see it in Tasklist (the task description): one line per item with its
   * reference, category and proposed decision. References, categories and codes only, no content (SEC-3).
   */
  public String summary(String reference) {
    StringBuilder text = new StringBuilder();
    for (ErasureItem item : repository.items(reference)) {
      text.append(item.ref()).append(" ").append(item.decision());
      if (item.keepException() != null) {
        text.append(" ").append(item.keepException());
      }
      if (item.keepUntil() != null) {
        text.append(" ").append(item.keepUntil());
      }
      text.append(" (").append(item.category()).append(")\n");
    }
    if (text.isEmpty()) {
      return "Geen items gevonden.";
    }
    // the engine stores at most 4000 characters of a task description
    return text.length() > DESCRIPTION_LIMIT ? text.substring(0, DESCRIPTION_LIMIT) + "…" : text.toString();
  }

  /**
   * Applies the handler's changes to the proposed list, one line per item: {@code system/itemId ERASE},
   * {@code system/itemId ANONYMISE} or {@code system/itemId KEEP EXCEPTION [yyyy-mm-dd]}. Refuses (and changes
   * nothing) an ERASE or ANONYMISE of an item under a running retention, naming its end date (ERA-2), or under a
   * legal hold (RET-4), and a KEEP without an exception or end date. {@code recipientExceptions} names, one line
   * each, a recipient of erased data who will not be told with the ground and reason (REQ-6, Art 19):
   * {@code Ontvanger | IMPOSSIBLE|DISPROPORTIONATE | reden}; it replaces what was recorded before.
   */
  @Transactional
  public void propose(String reference, String changes, String recipientExceptions, String user) {
    if (user == null) {
      throw new ErasureRefusedException("De wislijst kan alleen door een ingelogde gebruiker worden voorgesteld.");
    }
    SubjectKey subject = subjectOf(reference);
    LocalDate today = LocalDate.now(clock);
    Map<ItemRef, ErasureItem> onList = new LinkedHashMap<>();
    repository.items(reference).forEach(item -> onList.put(item.ref(), item));
    for (Change change : parse(changes)) {
      ErasureItem item = onList.get(change.ref());
      if (item == null) {
        throw new ErasureRefusedException("Item " + change.ref() + " staat niet op de wislijst van " + reference + ".");
      }
      if (change.decision().removesData()) {
        refuseWhenKept(subject, change.ref(), today, change.decision());
        repository.decide(reference, change.ref(), change.decision(), null, null);
      } else {
        if (change.exception() == null) {
          throw new ErasureRefusedException("Bewaren van " + change.ref() + " vraagt om een uitzonderingsgrond "
              + "(ERA-2): FISCAL_RETENTION, SUPERVISION, RUNNING_CONTRACT, LEGAL_CLAIMS of LEGAL_HOLD.");
        }
        LocalDate until = change.until() != null ? change.until() : item.retentionEnd();
        if (until == null && !change.exception().endsWithoutKnownDate()) {
          throw new ErasureRefusedException("Bewaren van " + change.ref() + " vraagt om een einddatum (ERA-2, LET-3).");
        }
        repository.decide(reference, change.ref(), ErasureDecision.KEEP, change.exception(), until);
      }
    }
    // the stored defaults are checked again: a hold placed after collection also blocks (RET-4)
    for (ErasureItem item : repository.items(reference)) {
      if (item.decision().removesData()) {
        refuseWhenKept(subject, item.ref(), today, item.decision());
      }
    }
    List<RecipientException> exceptions = parseRecipientExceptions(recipientExceptions);
    List<String> recipients = recipientsOfRemoved(repository.items(reference));
    for (int i = 0; i < exceptions.size(); i++) {
      if (!recipients.contains(exceptions.get(i).recipient())) {
        throw new ErasureRefusedException("Ontvangerregel " + (i + 1) + ": die ontvanger heeft geen gegevens ontvangen "
            + "die gewist worden; kies uit: " + (recipients.isEmpty() ? "(geen)" : String.join(", ", recipients))
            + " (REQ-6).");
      }
    }
    repository.replaceRecipientExceptions(reference, exceptions, user, clock.instant());
    repository.proposed(reference, user, clock.instant());
    requests.addEvent(requestId(reference), clock.instant(), "ERASURE_LIST_PROPOSED", user);
  }

  /** ERA-4: the second user confirmed the list (four eyes enforced by the task listener). */
  @Transactional
  public void confirm(String reference, String user) {
    ErasureRepository.FourEyes recorded = repository.fourEyes(reference).orElse(null);
    if (recorded == null || recorded.proposedBy() == null) {
      throw new RefusedStepException(RefusedStepException.Kind.NOT_ALLOWED, "Vier ogen: voor verzoek " + reference
          + " is geen wislijst voorgesteld; er valt niets te bevestigen (ERA-4).");
    }
    if (user == null || proposers(reference, recorded).contains(user)) {
      throw new RefusedStepException(RefusedStepException.Kind.NOT_ALLOWED, "Vier ogen: " + user + " heeft de wislijst "
          + "zelf voorgesteld en mag haar niet bevestigen (ERA-4).");
    }
    repository.confirmed(reference, user, clock.instant());
    requests.addEvent(requestId(reference), clock.instant(), "ERASURE_LIST_CONFIRMED", user);
  }

  /**
   * Erases and anonymises the confirmed items through their sources (ERA-5). Holds and retention are checked once
   * more at this moment; a blocked item stops the whole step (rolled back, nothing deleted). Items are handled last
   * found first, so dependent records (rent payments) go before the record they hang on (the contract).
   */
  @Transactional
  public void execute(String reference) {
    requireMayErase(reference);
    SubjectKey subject = subjectOf(reference);
    LocalDate today = LocalDate.now(clock);
    List<ErasureItem> toRemove = new ArrayList<>(repository.items(reference).stream()
        .filter(item -> item.decision().removesData() && !item.executed()).toList());
    toRemove.forEach(item -> refuseWhenKept(subject, item.ref(), today, item.decision()));
    Collections.reverse(toRemove);
    for (ErasureItem item : toRemove) {
      if (item.decision() == ErasureDecision.ERASE) {
        sources.erase(item.ref());
      } else {
        sources.anonymise(item.ref());
      }
      repository.markExecuted(reference, item.ref(), clock.instant());
    }
    repository.executed(reference, clock.instant());
    requests.addEvent(requestId(reference), clock.instant(), "ERASURE_EXECUTED", null);
    List<String> notTold = repository.recipientExceptions(reference).stream().map(RecipientException::recipient)
        .toList();
    List<ErasureItem> shared = toRemove.stream()
        .map(item -> withRecipients(item, item.recipients().stream().filter(r -> !notTold.contains(r)).toList()))
        .filter(item -> !item.recipients().isEmpty()).toList();
    if (!shared.isEmpty()) {
      // Art 19, REQ-6: every recipient of erased data is told, unless impossible or disproportionate (recorded at the
      // proposal); the privacy officers get the list (item references and recipient organisations, no content) to
      // send the notices
      letters.notifyGroup(requests.getByReference(reference), Groups.PRIVACY_OFFICERS, RecipientRole.PRIVACY_OFFICERS,
          "erasure-recipients-notice", Map.of("items", shared));
      requests.addEvent(requestId(reference), clock.instant(), "ERASURE_RECIPIENTS_NOTICE_QUEUED", null,
          "recipients=" + shared.stream().flatMap(item -> item.recipients().stream()).distinct().count());
    }
    if (!notTold.isEmpty()) {
      requests.addEvent(requestId(reference), clock.instant(), "ERASURE_RECIPIENTS_NOT_INFORMED", null,
          "recipients=" + notTold.size());
    }
  }

  /**
   * The outcome (REQ-5) and the letter (LET-3, LET-5): what was erased or anonymised, and what was kept, why and until
   * when; with the AP complaint and court route whenever anything was kept.
   */
  @Transactional
  public Outcome sendLetter(String reference) {
    requireMayErase(reference);
    List<ErasureItem> items = repository.items(reference);
    long kept = items.stream().filter(item -> item.decision() == ErasureDecision.KEEP).count();
    Outcome outcome = items.isEmpty() ? Outcome.NO_DATA
        : kept == 0 ? Outcome.GRANTED : kept == items.size() ? Outcome.REFUSED : Outcome.PARTIALLY_GRANTED;
    RequestRecord request = requests.getByReference(reference);
    Map<String, Object> variables = new LinkedHashMap<>();
    variables.put("outcome", outcome.name());
    variables.put("removed", items.stream().filter(item -> item.decision().removesData()).toList());
    variables.put("kept", items.stream().filter(item -> item.decision() == ErasureDecision.KEEP).toList());
    // LET-5, REQ-6: who was told of the erasure, and who was not with the ground and reason
    List<RecipientException> notInformed = repository.recipientExceptions(reference);
    variables.put("recipients", recipientsOfRemoved(items).stream()
        .filter(r -> notInformed.stream().noneMatch(e -> e.recipient().equals(r))).toList());
    variables.put("notInformed", notInformed);
    letters.send(request, LetterType.ERASURE_RESULT, variables);
    requests.addEvent(request.id(), clock.instant(), "ERASURE_LETTER_QUEUED_" + outcome.name(), null);
    return outcome;
  }

  private static List<String> recipientsOfRemoved(List<ErasureItem> items) {
    return items.stream().filter(item -> item.decision().removesData()).flatMap(item -> item.recipients().stream())
        .distinct().sorted().toList();
  }

  private static ErasureItem withRecipients(ErasureItem item, List<String> recipients) {
    return new ErasureItem(item.ref(), item.category(), item.retentionRule(), item.retentionEnd(), recipients,
        item.decision(), item.keepException(), item.keepUntil(), item.executed());
  }

  /**
   * ERA-4 on the product's table (issue 14): nothing is erased, and no letter says so, unless {@code erasure_case}
   * holds a confirmation of the latest proposal by a user who proposed none of its rounds; the variable
   * {@code erasureListConfirmed} and a process instance modification to the execution step count for nothing. The
   * request's identity must be established first (ID-1, {@link IdentityGate}).
   */
  void requireMayErase(String reference) {
    identity.requireEstablished(reference);
    ErasureRepository.FourEyes recorded = repository.fourEyes(reference).orElse(null);
    boolean confirmed = recorded != null && recorded.proposedBy() != null && recorded.confirmedBy() != null
        && !recorded.confirmedAt().isBefore(recorded.proposedAt())
        && !proposers(reference, recorded).contains(recorded.confirmedBy());
    if (!confirmed) {
      throw new RefusedStepException(RefusedStepException.Kind.NOT_ALLOWED, "Vier ogen: de wislijst van verzoek "
          + reference + " is niet door een tweede medewerker bevestigd; er wordt niets gewist (ERA-4).");
    }
  }

  private Set<String> proposers(String reference, ErasureRepository.FourEyes recorded) {
    Set<String> users = new LinkedHashSet<>(fourEyes.usersOfCase(reference, ErasureProcess.Variables.ERASURE_PROPOSER
        .name()));
    if (recorded.proposedBy() != null) {
      users.add(recorded.proposedBy());
    }
    return users;
  }

  private ErasureItem proposal(SubjectKey subject, PersonalDataItem item, LocalDate today) {
    Optional<LegalHold> hold = legalHolds.holding(subject, item.ref(), today);
    ErasureDecision decision = ErasureDecision.KEEP;
    KeepException exception = null;
    LocalDate until = null;
    if (hold.isPresent()) {
      exception = KeepException.LEGAL_HOLD;
      until = hold.get().heldUntil();
    } else if (statutoryRetentionRuns(item, today)) {
      exception = retentionException(item);
      until = item.retention().endDate();
    } else if (item.legalBasis() == LegalBasis.CONTRACT && item.retention().endDate() == null) {
      exception = KeepException.RUNNING_CONTRACT;
    } else {
      decision = ErasureDecision.ERASE;
    }
    return new ErasureItem(item.ref(), item.category(), item.retention().rule(), item.retention().endDate(),
        item.recipients(), decision, exception, until, false);
  }

  /**
   * ERA-2: a retention the law imposes (legal obligation, or a rule that names its statute: fiscal retention under the
   * AWR, Woningwet supervision) blocks erasure while it runs ({@link nl.ymere.privacy.personaldata.Retention#runsOn}).
   * The corporation's own retention periods (e.g. two years for a closed contact) do not: an erasure request ends
   * them (Art 17(1)(a)); the handler can still keep an item for legal claims with a reason.
   */
  static boolean statutoryRetentionRuns(PersonalDataItem item, LocalDate today) {
    if (!item.retention().runsOn(today)) {
      return false;
    }
    String rule = item.retention().rule().toLowerCase(Locale.ROOT);
    return item.legalBasis() == LegalBasis.LEGAL_OBLIGATION || rule.contains("awr") || rule.contains("fiscal")
        || rule.contains("woningwet") || rule.contains("wettelijk");
  }

  private static KeepException retentionException(PersonalDataItem item) {
    String rule = item.retention().rule().toLowerCase(Locale.ROOT);
    if (rule.contains("awr") || rule.contains("fiscal")) {
      return KeepException.FISCAL_RETENTION;
    }
    if (rule.contains("woningcorporaties") || rule.contains("toezicht")) {
      return KeepException.SUPERVISION;
    }
    return item.legalBasis() == LegalBasis.LEGAL_OBLIGATION ? KeepException.FISCAL_RETENTION
        : KeepException.LEGAL_CLAIMS;
  }

  /** ERA-2 and RET-4: no erasure or anonymisation under a running retention or a legal hold. */
  private void refuseWhenKept(SubjectKey subject, ItemRef ref, LocalDate today, ErasureDecision decision) {
    Optional<LegalHold> hold = legalHolds.holding(subject, ref, today);
    String verb = decision == ErasureDecision.ERASE ? "Wissen" : "Anonimiseren";
    if (hold.isPresent()) {
      throw new ErasureRefusedException(verb + " van " + ref + " kan niet: er rust een legal hold op"
          + (hold.get().heldUntil() == null ? "" : " tot en met " + hold.get().heldUntil()) + " (RET-4).");
    }
    PersonalDataItem item = sources.source(ref.system()).item(ref.itemId()).orElse(null);
    if (item != null && statutoryRetentionRuns(item, today)) {
      throw new ErasureRefusedException(verb + " van " + ref + " kan niet: de bewaartermijn loopt tot en met "
          + item.retention().endDate() + " (ERA-2).");
    }
  }

  /** The person the request is about, with the tenancy number the handler entered (if any). */
  SubjectKey subjectOf(String reference) {
    RequestRecord request = requests.getByReference(reference);
    boolean forOther = request.subjectName() != null && !request.subjectName().isBlank();
    String name = forOther ? request.subjectName() : request.requesterName();
    LocalDate dateOfBirth = forOther ? request.subjectDateOfBirth() : request.requesterDateOfBirth();
    // the requester's e-mail address identifies the data subject only when they ask for themselves
    String email = forOther ? null : request.requesterEmail();
    return new SubjectKey(name, dateOfBirth, email, repository.tenancyNumber(reference).orElse(null));
  }

  private long requestId(String reference) {
    return requests.getByReference(reference).id();
  }

  private static List<Change> parse(String changes) {
    List<Change> parsed = new ArrayList<>();
    if (changes == null) {
      return parsed;
    }
    for (String raw : changes.split("\\R")) {
      String line = raw.strip();
      if (line.isEmpty()) {
        continue;
      }
      String[] parts = line.split("\\s+");
      String[] ref = parts[0].split("/", 2);
      if (ref.length != 2 || parts.length < 2 || ref[0].isBlank() || ref[1].isBlank()) {
        throw new ErasureRefusedException("Regel '" + line + "' is geen 'systeem/item BESLUIT'.");
      }
      ErasureDecision decision = parseEnum(ErasureDecision.class, parts[1], line);
      KeepException exception = parts.length > 2 ? parseEnum(KeepException.class, parts[2], line) : null;
      LocalDate until = null;
      if (parts.length > 3) {
        try {
          until = LocalDate.parse(parts[3]);
        } catch (DateTimeParseException e) {
          throw new ErasureRefusedException("Regel '" + line + "': de einddatum is geen datum (jjjj-mm-dd).");
        }
      }
      if (decision.removesData() && parts.length > 2) {
        throw new ErasureRefusedException("Regel '" + line + "': een uitzonderingsgrond hoort alleen bij KEEP.");
      }
      parsed.add(new Change(new ItemRef(ref[0], ref[1]), decision, exception, until));
    }
    return parsed;
  }

  /** Lines {@code Ontvanger | GROND | reden}; blank lines are skipped. */
  private static List<RecipientException> parseRecipientExceptions(String text) {
    List<RecipientException> parsed = new ArrayList<>();
    if (text == null) {
      return parsed;
    }
    for (String raw : text.split("\\R")) {
      String line = raw.strip();
      if (line.isEmpty()) {
        continue;
      }
      String[] parts = line.split("\\|", 3);
      if (parts.length != 3 || parts[0].isBlank() || parts[2].isBlank()) {
        throw new ErasureRefusedException("Ontvangerregel " + (parsed.size() + 1) + " is geen 'ontvanger | "
            + "IMPOSSIBLE of DISPROPORTIONATE | reden' (REQ-6).");
      }
      RecipientException.Ground ground;
      try {
        ground = RecipientException.Ground.valueOf(parts[1].strip().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new ErasureRefusedException("Ontvangerregel " + (parsed.size() + 1) + ": de grond is IMPOSSIBLE of "
            + "DISPROPORTIONATE (REQ-6).");
      }
      String recipient = parts[0].strip();
      if (parsed.stream().anyMatch(e -> e.recipient().equals(recipient))) {
        throw new ErasureRefusedException("Ontvangerregel " + (parsed.size() + 1) + ": die ontvanger staat er al.");
      }
      parsed.add(new RecipientException(recipient, ground, parts[2].strip()));
    }
    return parsed;
  }

  private static <E extends Enum<E>> E parseEnum(Class<E> type, String value, String line) {
    try {
      return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new ErasureRefusedException("Regel '" + line + "': onbekende waarde " + value + ".");
    }
  }

  private record Change(ItemRef ref, ErasureDecision decision, KeepException exception, LocalDate until) {
  }
}
