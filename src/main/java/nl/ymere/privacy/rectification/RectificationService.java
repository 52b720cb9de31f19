package nl.ymere.privacy.rectification;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import nl.ymere.privacy.process.RefusedStepException;
import nl.ymere.privacy.security.FourEyesSteps;
import nl.ymere.privacy.identity.IdentityGate;
import nl.ymere.privacy.mail.RecipientRole;
import nl.ymere.privacy.personaldata.AccessPurpose;
import nl.ymere.privacy.personaldata.DataReader;
import nl.ymere.privacy.personaldata.PersonalDataItem;
import nl.ymere.privacy.personaldata.PersonalDataSource;
import nl.ymere.privacy.personaldata.PersonalDataSources;
import nl.ymere.privacy.personaldata.SubjectKey;
import nl.ymere.privacy.process.RefusedStepException;
import nl.ymere.privacy.request.LetterType;
import nl.ymere.privacy.request.Outcome;
import nl.ymere.privacy.request.RequestLetters;
import nl.ymere.privacy.request.RequestRecord;
import nl.ymere.privacy.request.RequestRecords;
import nl.ymere.privacy.security.Groups;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The steps of a rectification request (REC rules): the recorded changes are applied by the owning department through
 * the sources (REC-1; flagged items only by their restricted team or a privacy officer, SEC-1, logged), a refusal is
 * confirmed by a privacy officer (LET-3, four eyes), every recipient of a changed item is told (REQ-6, Art 19) unless
 * the handler recorded why not, and the letter says what was done (LET-5). A restriction set while accuracy was
 * checked (REC-2) is lifted after the letter told the person (RES-3).
 */
@Service
public class RectificationService {

  private static final int DESCRIPTION_LIMIT = 3900;

  private final RectificationRepository repository;
  private final PersonalDataSources sources;
  private final RequestRecords requests;
  private final RequestLetters letters;
  private final Clock clock;
  private final IdentityGate identity;
  private final FourEyesSteps fourEyes;

  RectificationService(RectificationRepository repository, PersonalDataSources sources, RequestRecords requests,
      RequestLetters letters, Clock clock, IdentityGate identity,
      FourEyesSteps fourEyes) {
    this.fourEyes = fourEyes;
    this.identity = identity;
    this.repository = repository;
    this.sources = sources;
    this.requests = requests;
    this.letters = letters;
    this.clock = clock;
  }

  /** The changes as Tasklist shows them (task description): id, item, kind, field name, status; never a value. */
  public String summary(String reference) {
    StringBuilder text = new StringBuilder();
    for (RectificationChange change : repository.changes(reference)) {
      text.append('#').append(change.id()).append(' ').append(change.ref()).append(' ').append(change.kind());
      if (change.field() != null) {
        text.append(' ').append(change.field());
      }
      text.append(' ').append(change.status()).append(" (").append(change.category()).append(")\n");
    }
    String summary = text.isEmpty() ? "Nog geen wijzigingen vastgelegd. Leg ze vast op "
        + "/api/requests/" + reference + "/rectification (per item: corrigeren, aanvullen of verklaring toevoegen)."
        : text.toString();
    return summary.length() > DESCRIPTION_LIMIT ? summary.substring(0, DESCRIPTION_LIMIT) + "…" : summary;
  }

  /**
   * The handler finished recording: at least one change must be there. Returns the candidate groups of the apply task
   * (the owning departments: the restricted team of a flagged item, else the privacy desk; privacy officers always).
   */
  @Transactional
  public String recorded(String reference, String user) {
    if (user == null) {
      throw new RefusedStepException(RefusedStepException.Kind.NOT_ALLOWED, "De wijzigingen kunnen alleen door een ingelogde gebruiker worden vastgelegd.");
    }
    List<RectificationChange> changes = repository.changes(reference);
    if (changes.isEmpty()) {
      throw new RefusedStepException("Leg eerst minstens één wijziging vast op /api/requests/" + reference
          + "/rectification (REC-1).");
    }
    TreeSet<String> groups = new TreeSet<>();
    groups.add(Groups.PRIVACY_OFFICERS);
    boolean flagged = changes.stream().anyMatch(RectificationChange::flagged);
    for (RectificationChange change : changes) {
      if (change.flagged()) {
        groups.addAll(sources.source(change.ref().system()).flaggedItemReaders());
      }
    }
    if (!flagged) {
      groups.add(Groups.PRIVACY_DESK);
    }
    event(reference, "RECTIFICATION_CHANGES_RECORDED", user);
    return String.join(",", groups);
  }

  /**
   * The owning department applies every change it did not refuse: corrections and completions through the source
   * (REC-1), statements attached. Returns the number of refused changes. A user who may not touch a flagged item is
   * refused (SEC-1, logged) and nothing is applied.
   */
  @Transactional
  public int apply(String reference, DataReader reader) {
    identity.requireEstablished(reference); // ID-1: no rectification for an unestablished identity (IdentityGate)
    for (RectificationChange change : repository.changes(reference)) {
      if (change.status() != ChangeStatus.PROPOSED) {
        continue;
      }
      if (change.kind() == ChangeKind.STATEMENT) {
        sources.requireRead(change.ref(), AccessPurpose.RECTIFICATION_REQUEST, reader);
        repository.decided(change.id(), ChangeStatus.ATTACHED, null, reader.userId(), clock.instant());
      } else {
        sources.correct(change.ref(), change.field(), repository.value(change.id()),
            AccessPurpose.RECTIFICATION_REQUEST, reader);
        repository.decided(change.id(), ChangeStatus.APPLIED, null, reader.userId(), clock.instant());
      }
    }
    int refused = (int) repository.changes(reference).stream().filter(c -> c.status() == ChangeStatus.REFUSED).count();
    event(reference, "RECTIFICATION_CHANGES_APPLIED", reader.userId());
    return refused;
  }

  /**
   * LET-3, four eyes: a privacy officer who drafted none of the refusals confirms them; not confirmed, the refused
   * changes go back to the department as proposals.
   */
  @Transactional
  public void confirmRefusal(String reference, boolean confirmed, String user) {
    List<RectificationChange> refused = repository.changes(reference).stream()
        .filter(change -> change.status() == ChangeStatus.REFUSED).toList();
    if (user == null || refused.stream().anyMatch(change -> user.equals(change.decidedBy()))
        || fourEyes.usersOfCase(reference, RectificationProcess.Variables.APPLIER.name()).contains(user)) {
      // four eyes on the product's tables (issue 14): whoever refused a change or completed the apply step
      throw new RefusedStepException(RefusedStepException.Kind.NOT_ALLOWED, "Vier ogen: " + user + " heeft zelf een "
          + "weigering opgesteld of de wijzigingen verwerkt en mag de weigering niet bevestigen (LET-3).");
    }
    if (confirmed) {
      refused.forEach(change -> repository.refusalConfirmed(change.id(), user, clock.instant()));
      event(reference, "RECTIFICATION_REFUSAL_CONFIRMED", user);
    } else {
      refused.forEach(change -> repository.decided(change.id(), ChangeStatus.PROPOSED, null, null, null));
      event(reference, "RECTIFICATION_REFUSAL_SENT_BACK", user);
    }
  }

  /**
   * REQ-6, Art 19: the privacy officers get the list of changed items with their recipients and the changed field
   * names (no values) to tell each recipient.
   */
  @Transactional
  public int informRecipients(String reference) {
    List<RectificationChange> toTell = repository.changes(reference).stream()
        .filter(RectificationChange::recipientsTold).toList();
    if (!toTell.isEmpty()) {
      letters.notifyGroup(requests.getByReference(reference), Groups.PRIVACY_OFFICERS, RecipientRole.PRIVACY_OFFICERS,
          "rectification-recipients-notice", Map.of("changes", toTell));
      toTell.forEach(change -> repository.recipientsTold(change.id(), clock.instant()));
      event(reference, "RECTIFICATION_RECIPIENTS_NOTICE_QUEUED", null);
    }
    return toTell.size();
  }

  /**
   * The letter (LET-5: what was corrected, completed or attached, which recipients were told; LET-3 for refused
   * changes: reasons, AP complaint, court route) and the outcome (REQ-5). A REC-2 restriction is lifted after the
   * letter announced it (RES-3).
   */
  @Transactional
  public Outcome sendLetter(String reference) {
    identity.requireEstablished(reference); // ID-1: no rectification for an unestablished identity (IdentityGate)
    if (repository.unconfirmedRefusals(reference) > 0) {
      throw new RefusedStepException(RefusedStepException.Kind.NOT_ALLOWED, "Vier ogen: een weigering bij verzoek "
          + reference + " is niet door een tweede medewerker bevestigd; er gaat geen brief uit (LET-3).");
    }
    List<RectificationChange> changes = repository.changes(reference);
    List<RectificationChange> done = changes.stream()
        .filter(c -> c.status() == ChangeStatus.APPLIED || c.status() == ChangeStatus.ATTACHED).toList();
    List<RectificationChange> refused = changes.stream().filter(c -> c.status() == ChangeStatus.REFUSED).toList();
    Outcome outcome = changes.isEmpty() ? Outcome.NO_DATA : refused.isEmpty() ? Outcome.GRANTED
        : done.isEmpty() ? Outcome.REFUSED : Outcome.PARTIALLY_GRANTED;
    List<RectificationChange> toLift = changes.stream().filter(c -> c.restrictedHere() && !c.restrictionLifted())
        .toList();
    Map<String, Object> variables = new LinkedHashMap<>();
    variables.put("outcome", outcome.name());
    variables.put("applied", done.stream().filter(c -> c.status() == ChangeStatus.APPLIED).toList());
    variables.put("attached", done.stream().filter(c -> c.status() == ChangeStatus.ATTACHED).toList());
    variables.put("refused", refused);
    variables.put("recipients", done.stream().filter(RectificationChange::recipientsTold)
        .flatMap(c -> c.recipients().stream()).distinct().sorted().toList());
    variables.put("notTold", done.stream().filter(c -> !c.recipients().isEmpty() && c.recipientsException() != null)
        .toList());
    variables.put("restrictionLifted", !toLift.isEmpty());
    letters.send(requests.getByReference(reference), LetterType.RECTIFICATION_RESULT, variables);
    for (RectificationChange change : toLift) {
      sources.restrict(change.ref(), false);
      repository.restrictionLifted(change.id(), clock.instant());
    }
    if (!toLift.isEmpty()) {
      event(reference, "RECTIFICATION_RESTRICTION_LIFTED", null);
    }
    event(reference, "RECTIFICATION_LETTER_QUEUED_" + outcome.name(), null);
    return outcome;
  }

  public List<RectificationChange> changes(String reference) {
    return repository.changes(reference);
  }

  List<PersonalDataItem> find(String reference) {
    SubjectKey subject = subjectOf(reference, repository.tenancyNumber(reference).orElse(null));
    return find(subject);
  }

  List<PersonalDataItem> find(SubjectKey subject) {
    List<PersonalDataItem> items = new ArrayList<>();
    for (PersonalDataSource source : sources.all()) {
      items.addAll(source.find(subject));
    }
    return items;
  }

  SubjectKey subjectOf(String reference, String tenancyNumber) {
    RequestRecord request = requests.getByReference(reference);
    boolean forOther = request.subjectName() != null && !request.subjectName().isBlank();
    String name = forOther ? request.subjectName() : request.requesterName();
    LocalDate dateOfBirth = forOther ? request.subjectDateOfBirth() : request.requesterDateOfBirth();
    // the requester's e-mail address identifies the data subject only when they ask for themselves
    String email = forOther ? null : request.requesterEmail();
    return new SubjectKey(name, dateOfBirth, email, tenancyNumber);
  }

  void event(String reference, String type, String user) {
    requests.addEvent(requests.getByReference(reference).id(), clock.instant(), type, user);
  }
}
