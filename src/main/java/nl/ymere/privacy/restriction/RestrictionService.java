package nl.ymere.privacy.restriction;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import nl.ymere.privacy.identity.IdentityGate;
import nl.ymere.privacy.mail.RecipientRole;
import nl.ymere.privacy.personaldata.ItemRef;
import nl.ymere.privacy.personaldata.PersonalDataItem;
import nl.ymere.privacy.personaldata.PersonalDataSource;
import nl.ymere.privacy.personaldata.PersonalDataSources;
import nl.ymere.privacy.personaldata.SubjectKey;
import nl.ymere.privacy.request.LetterType;
import nl.ymere.privacy.request.Outcome;
import nl.ymere.privacy.request.RequestLetters;
import nl.ymere.privacy.request.RequestRecord;
import nl.ymere.privacy.request.RequestRecords;
import nl.ymere.privacy.security.Groups;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A restriction request (RES rules): the handler picks the items and the RES-1 ground, the sources set the processing
 * block (RES-2), every recipient is told (REQ-6, Art 19) unless the handler recorded why that is impossible or
 * disproportionate, and the letter says what was done (LET-5). Lifting starts with a notice to the person and happens
 * only after the configured wait (Art 18(3), RES-3). Item descriptions only are read, never content (SEC-1).
 */
@Service
public class RestrictionService {

  static final int MIN_EXCEPTION_REASON = 10;
  private static final int DESCRIPTION_LIMIT = 3900;

  private final RestrictionRepository repository;
  private final PersonalDataSources sources;
  private final RequestRecords requests;
  private final RequestLetters letters;
  private final RestrictionProperties properties;
  private final Clock clock;
  private final IdentityGate identity;

  RestrictionService(RestrictionRepository repository, PersonalDataSources sources, RequestRecords requests,
      RequestLetters letters, RestrictionProperties properties, Clock clock, IdentityGate identity) {
    this.identity = identity;
    this.repository = repository;
    this.sources = sources;
    this.requests = requests;
    this.letters = letters;
    this.properties = properties;
    this.clock = clock;
  }

  /** The person's items as the handler sees them in Tasklist: reference, category, block state; no content. */
  public String summary(String reference) {
    StringBuilder text = new StringBuilder();
    for (PersonalDataItem item : find(subjectOf(reference, null))) {
      text.append(item.ref()).append(item.restricted() ? " BEPERKT" : "").append(" (").append(item.category())
          .append(")\n");
    }
    String summary = text.isEmpty() ? "Geen items gevonden op naam, geboortedatum en e-mailadres; vul zo nodig het "
        + "huurovereenkomstnummer in." : text.toString();
    return summary.length() > DESCRIPTION_LIMIT ? summary.substring(0, DESCRIPTION_LIMIT) + "…" : summary;
  }

  /**
   * The person's items the handler can choose from (the choice screen, issue 16): found on name, date of birth, e-mail
   * and, when given, the tenancy number, as {@link #choose} finds them. Descriptions only, never content (SEC-1).
   */
  public List<PersonalDataItem> candidates(String reference, String tenancyNumber) {
    return find(subjectOf(reference, tenancyNumber));
  }

  /**
   * Records the handler's choice (RES-1): one line per item, {@code system/itemId}, optionally followed by
   * {@code ; reason} when telling its recipients is impossible or disproportionate (REQ-6). Refuses, changing nothing,
   * a missing or unknown ground, an item that is not the person's, a duplicate, or an empty list while items exist.
   */
  @Transactional
  public int choose(String reference, String tenancyNumber, String ground, String lines, String user) {
    if (user == null) {
      throw new RestrictionRefusedException("De beperking kan alleen door een ingelogde gebruiker worden vastgelegd.");
    }
    RestrictionGround restrictionGround = parseGround(ground);
    if (!repository.items(reference).isEmpty()) {
      throw new RestrictionRefusedException("Voor " + reference + " is de keuze al vastgelegd.");
    }
    Map<ItemRef, PersonalDataItem> found = new LinkedHashMap<>();
    find(subjectOf(reference, tenancyNumber)).forEach(item -> found.put(item.ref(), item));
    List<Choice> choices = parse(lines);
    if (choices.isEmpty() && !found.isEmpty()) {
      throw new RestrictionRefusedException("Kies minstens één item om te beperken (één regel per item: systeem/item).");
    }
    Set<ItemRef> seen = new HashSet<>();
    for (Choice choice : choices) {
      PersonalDataItem item = found.get(choice.ref());
      if (item == null) {
        throw new RestrictionRefusedException("Item " + choice.ref() + " is geen gegeven van deze persoon.");
      }
      if (!seen.add(choice.ref())) {
        throw new RestrictionRefusedException("Item " + choice.ref() + " staat twee keer in de lijst.");
      }
      if (choice.exception() != null && item.recipients().isEmpty()) {
        throw new RestrictionRefusedException("Item " + choice.ref() + " heeft geen ontvangers; laat de reden weg.");
      }
      repository.add(reference, choice.ref(), item.category(), restrictionGround, item.recipients(),
          choice.exception(), user, clock.instant());
    }
    event(reference, "RESTRICTION_ITEMS_CHOSEN_" + restrictionGround.name(), user);
    return choices.size();
  }

  /** RES-2: sets the processing block on every chosen item (an item blocked already stays as it is). */
  @Transactional
  public void apply(String reference) {
    identity.requireEstablished(reference); // ID-1: restriction only for an established identity (IdentityGate, product tables)
    for (RestrictionItem item : repository.items(reference)) {
      if (item.restricted()) {
        continue;
      }
      boolean alreadyBlocked = sources.source(item.ref().system()).item(item.ref().itemId())
          .map(PersonalDataItem::restricted).orElse(false);
      if (!alreadyBlocked) {
        sources.restrict(item.ref(), true);
      }
      repository.restricted(reference, item.ref(), !alreadyBlocked, clock.instant());
    }
    event(reference, "RESTRICTION_APPLIED", null);
  }

  /**
   * REQ-6, Art 19: the privacy officers get the list of restricted items with their recipients (references and
   * organisation names only) to tell each recipient; items whose recipients cannot be told keep the recorded reason.
   */
  @Transactional
  public int informRecipients(String reference) {
    List<RestrictionItem> toTell = repository.items(reference).stream().filter(RestrictionItem::recipientsTold)
        .toList();
    if (!toTell.isEmpty()) {
      letters.notifyGroup(requests.getByReference(reference), Groups.PRIVACY_OFFICERS, RecipientRole.PRIVACY_OFFICERS,
          "restriction-recipients-notice", Map.of("items", toTell));
      toTell.forEach(item -> repository.recipientsTold(reference, item.ref(), clock.instant()));
      event(reference, "RESTRICTION_RECIPIENTS_NOTICE_QUEUED", null);
    }
    return toTell.size();
  }

  /** LET-5: what was restricted, on which ground, which recipients were told; and that lifting is announced first. */
  @Transactional
  public Outcome sendLetter(String reference) {
    identity.requireEstablished(reference); // ID-1: restriction only for an established identity (IdentityGate, product tables)
    List<RestrictionItem> items = repository.items(reference);
    Outcome outcome = items.isEmpty() ? Outcome.NO_DATA : Outcome.GRANTED;
    Map<String, Object> variables = new LinkedHashMap<>();
    variables.put("outcome", outcome.name());
    variables.put("items", items);
    variables.put("ground", items.isEmpty() ? null : items.get(0).ground());
    variables.put("recipients", items.stream().filter(RestrictionItem::recipientsTold)
        .flatMap(item -> item.recipients().stream()).distinct().sorted().toList());
    variables.put("notTold", items.stream().filter(item -> item.recipientsException() != null).toList());
    letters.send(requests.getByReference(reference), LetterType.RESTRICTION_RESULT, variables);
    event(reference, "RESTRICTION_LETTER_QUEUED_" + outcome.name(), null);
    return outcome;
  }

  /**
   * A privacy officer starts lifting the block (RES-3): the items are marked and the lift path of
   * {@code dsr-restriction} is started by the caller; the person is told before anything is lifted.
   *
   * @param only the items to lift, or empty for every item this request still blocks
   * @return the items marked for lifting
   */
  @Transactional
  public List<RestrictionItem> requestLift(String reference, List<ItemRef> only, String user) {
    List<RestrictionItem> liftable = repository.items(reference).stream()
        .filter(item -> item.restrictedHere() && !item.liftRequested() && !item.lifted()).toList();
    List<RestrictionItem> chosen = new ArrayList<>();
    if (only.isEmpty()) {
      chosen.addAll(liftable);
    } else {
      for (ItemRef ref : only) {
        liftable.stream().filter(item -> item.ref().equals(ref)).findFirst().ifPresent(chosen::add);
      }
    }
    chosen.forEach(item -> repository.liftRequested(reference, item.ref(), user, clock.instant()));
    if (!chosen.isEmpty()) {
      event(reference, "RESTRICTION_LIFT_REQUESTED", user);
    }
    return chosen;
  }

  /** Art 18(3), RES-3: the notice goes out before the block is lifted, naming the date it will be lifted. */
  @Transactional
  public void sendLiftNotice(String reference) {
    List<RestrictionItem> toLift = repository.items(reference).stream()
        .filter(item -> item.liftRequested() && !item.liftNoticeSent() && !item.lifted()).toList();
    Map<String, Object> variables = new LinkedHashMap<>();
    variables.put("items", toLift);
    variables.put("context", "RESTRICTION");
    variables.put("liftOn", LocalDate.now(clock)
        .plusDays(Math.max(0, properties.liftNoticePeriod().toDays())));
    letters.send(requests.getByReference(reference), LetterType.RESTRICTION_LIFT_NOTICE, variables);
    toLift.forEach(item -> repository.liftNoticeSent(reference, item.ref(), clock.instant()));
    event(reference, "RESTRICTION_LIFT_NOTICE_QUEUED", null);
  }

  /** After the notice and the wait: the block this request set is lifted in the sources. */
  @Transactional
  public void lift(String reference) {
    for (RestrictionItem item : repository.items(reference)) {
      if (item.liftNoticeSent() && !item.lifted()) {
        sources.restrict(item.ref(), false);
        repository.lifted(reference, item.ref(), clock.instant());
      }
    }
    event(reference, "RESTRICTION_LIFTED", null);
  }

  /** The configured wait between notice and lift, as the ISO-8601 duration the timer reads. */
  public String liftNoticePeriod() {
    return properties.liftNoticePeriod().toString();
  }

  public List<RestrictionItem> items(String reference) {
    return repository.items(reference);
  }

  private List<PersonalDataItem> find(SubjectKey subject) {
    List<PersonalDataItem> items = new ArrayList<>();
    for (PersonalDataSource source : sources.all()) {
      items.addAll(source.find(subject));
    }
    return items;
  }

  private SubjectKey subjectOf(String reference, String tenancyNumber) {
    RequestRecord request = requests.getByReference(reference);
    boolean forOther = request.subjectName() != null && !request.subjectName().isBlank();
    String name = forOther ? request.subjectName() : request.requesterName();
    LocalDate dateOfBirth = forOther ? request.subjectDateOfBirth() : request.requesterDateOfBirth();
    // the requester's e-mail address identifies the data subject only when they ask for themselves
    String email = forOther ? null : request.requesterEmail();
    return new SubjectKey(name, dateOfBirth, email, tenancyNumber);
  }

  private void event(String reference, String type, String user) {
    requests.addEvent(requests.getByReference(reference).id(), clock.instant(), type, user);
  }

  private static RestrictionGround parseGround(String ground) {
    if (ground == null || ground.isBlank()) {
      throw new RestrictionRefusedException("Kies de grond van de beperking (RES-1: A tot en met E).");
    }
    try {
      return RestrictionGround.valueOf(ground.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new RestrictionRefusedException("Onbekende grond van de beperking; kies A tot en met E (RES-1).");
    }
  }

  private static List<Choice> parse(String lines) {
    List<Choice> choices = new ArrayList<>();
    if (lines == null) {
      return choices;
    }
    int number = 0;
    for (String raw : lines.split("\\R")) {
      number++;
      String line = raw.strip();
      if (line.isEmpty()) {
        continue;
      }
      String[] parts = line.split(";", 2);
      String[] ref = parts[0].strip().split("/", 2);
      if (ref.length != 2 || ref[0].isBlank() || ref[1].isBlank() || ref[1].contains(" ")) {
        throw new RestrictionRefusedException("Regel " + number + " is geen 'systeem/item' (bijv. tenancy/contract-1).");
      }
      String exception = parts.length > 1 ? parts[1].strip() : null;
      if (exception != null && exception.length() < MIN_EXCEPTION_REASON) {
        throw new RestrictionRefusedException("Regel " + number + ": leg na ';' in minstens " + MIN_EXCEPTION_REASON
            + " tekens vast waarom de ontvangers niet kunnen worden geïnformeerd (REQ-6).");
      }
      choices.add(new Choice(new ItemRef(ref[0].strip(), ref[1].strip()), exception));
    }
    return choices;
  }

  private record Choice(ItemRef ref, String exception) {
  }
}
