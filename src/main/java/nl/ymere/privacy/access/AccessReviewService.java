package nl.ymere.privacy.access;

import static nl.ymere.privacy.access.AccessRequestProcess.Variables.ACCESS_REVIEWER;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import nl.ymere.privacy.deadline.DeadlineCalculator;
import nl.ymere.privacy.personaldata.AccessPurpose;
import nl.ymere.privacy.personaldata.DataReader;
import nl.ymere.privacy.personaldata.ItemRef;
import nl.ymere.privacy.personaldata.PersonalDataItem;
import nl.ymere.privacy.personaldata.PersonalDataSources;
import nl.ymere.privacy.process.SystemActions;
import nl.ymere.privacy.request.RequestRecord;
import nl.ymere.privacy.request.RequestRecords;
import nl.ymere.privacy.web.ApiConflictException;
import nl.ymere.privacy.web.ApiFieldError;
import nl.ymere.privacy.web.ApiNotFoundException;
import nl.ymere.privacy.web.ApiValidationException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import nl.ymere.privacy.security.FourEyesSteps;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The review of an access request: collecting the item references from every source (ACC-2), the handler's decision
 * per item (ACC-3: include, redact or withhold with a code and a case-specific reason; never a blanket filter) and the
 * counts the review task completes with.
 */
@Service
class AccessReviewService {

  static final int MIN_REASON = 20;

  private final AccessRepository repository;
  private final PersonalDataSources sources;
  private final RequestRecords requests;
  private final TaskService taskService;
  private final SystemActions system;
  private final Clock clock;
  private final DeadlineCalculator calendar;
  private final AccessProperties properties;
  private final FourEyesSteps fourEyes;

  AccessReviewService(AccessRepository repository, PersonalDataSources sources, RequestRecords requests,
      TaskService taskService, SystemActions system, Clock clock, DeadlineCalculator calendar,
      AccessProperties properties, FourEyesSteps fourEyes) {
    this.fourEyes = fourEyes;
    this.calendar = calendar;
    this.properties = properties;
    this.repository = repository;
    this.sources = sources;
    this.requests = requests;
    this.taskService = taskService;
    this.system = system;
    this.clock = clock;
  }

  /** The search identifier the handler entered on the first task (stored here, never in the process). */
  @Transactional
  public void confirmSearch(String reference, String tenancyNumber, String user) {
    repository.saveSearch(reference, tenancyNumber, user, clock.instant());
    requests.addEvent(requests.getByReference(reference).id(), clock.instant(), "ACCESS_SEARCH_CONFIRMED", user);
  }

  /** ACC-2: every source is searched; only the references are kept. Returns how many items were found. */
  @Transactional
  public int collect(String reference) {
    RequestRecord request = requests.getByReference(reference);
    var subject = AccessSubjects.of(request, repository.tenancyNumber(reference).orElse(null));
    List<ItemRef> refs = sources.findAll(subject, AccessPurpose.ACCESS_REQUEST, AccessSubjects.SYSTEM_READER)
        .stream().map(PersonalDataItem::ref).toList();
    repository.replaceItems(reference, refs);
    requests.addEvent(request.id(), clock.instant(), "ACCESS_ITEMS_COLLECTED", AccessSubjects.SYSTEM_READER.userId());
    return refs.size();
  }

  /** The review page, read as the logged-in user: content only of items that user may read (SEC-1, logged). */
  @Transactional
  public AccessReviewView view(String reference, DataReader reader) {
    requireRequest(reference);
    List<AccessReviewView.Item> items = new ArrayList<>();
    int undecided = 0;
    for (AccessItemRow row : repository.items(reference)) {
      PersonalDataItem item = describe(row.ref());
      boolean readable = sources.mayRead(reader, item);
      Map<String, String> fields = readable ? sources.export(row.ref(), AccessPurpose.ACCESS_REQUEST, reader) : null;
      undecided += row.decided() ? 0 : 1;
      items.add(new AccessReviewView.Item(row.system(), row.itemId(), sources.source(row.system()).displayName(),
          item.category(), item.purpose(), item.legalBasis().name(), item.origin(), item.recipients(),
          item.retention().rule(), item.retention().endDate(), item.specialCategory(), item.criminalLaw(),
          item.thirdPartyData(), readable, fields, row.decision(), row.exemptionCode(), row.reason(),
          row.redactFields(), row.redactTexts(), row.decidedBy(), row.decidedAt(), row.reviewOn()));
    }
    return new AccessReviewView(reference, reviewOpen(reference), undecided, items);
  }

  /**
   * Records the decision on one item (ACC-3). Allowed only while the review task is open; a flagged item only by a
   * user who may read it (SEC-1). Bad input is refused before anything changes (DESIGN principle 7).
   */
  @Transactional
  public AccessItemRow decide(String reference, ItemRef ref, AccessItemDecisionCommand command, DataReader reader) {
    requireRequest(reference);
    repository.item(reference, ref).orElseThrow(() -> new ApiNotFoundException(
        "Item " + ref + " was not found for access request " + reference + "."));
    Task review = reviewTask(reference);
    if (review == null) {
      throw new ApiConflictException("The review of access request " + reference + " is not open: decisions can "
          + "only be changed while the review task is open.");
    }
    if (!sources.mayRead(reader, describe(ref))) {
      throw new RestrictedItemException(ref);
    }
    ValidDecision valid = validate(ref, command);
    // ACC-4: a temporary ground is reviewed after the configured period (default 3 months)
    LocalDate reviewOn = valid.decision() == AccessDecision.WITHHOLD && valid.code().temporary()
        ? calendar.today(clock).plus(properties.exemptionReviewPeriod()) : null;
    repository.decide(reference, ref, valid.decision(), valid.code(), valid.reason(), valid.redactFields(),
        valid.redactTexts(), reader.userId(), clock.instant(), reviewOn);
    // issue 14 finding 3, ACC-4: who decided is kept per decision; a user who withholds or redacts is a first pair of
    // eyes of the exemption approval, so its task is hidden from them and refused to them like to the review's completer
    repository.logDecision(reference, ref, valid.decision(), reader.userId(), clock.instant());
    if (valid.decision() != AccessDecision.INCLUDE) {
      fourEyes.recordFirstStep(review.getProcessInstanceId(), reference, ACCESS_REVIEWER.name(), reader.userId());
    }
    return repository.item(reference, ref).orElseThrow();
  }

  /**
   * The counts the review task completes with.
   *
   * @throws IllegalStateException naming how many items still lack a decision (no blanket default, ACC-3)
   */
  public Map<AccessDecision, Integer> counts(String reference) {
    List<AccessItemRow> rows = repository.items(reference);
    long undecided = rows.stream().filter(row -> !row.decided()).count();
    if (undecided > 0) {
      throw new IllegalStateException(undecided + " van de " + rows.size() + " gegevens hebben nog geen beslissing "
          + "(verstrekken, afschermen of weigeren); beslis per gegeven op de beoordelingspagina.");
    }
    Map<AccessDecision, Integer> counts = new EnumMap<>(AccessDecision.class);
    for (AccessDecision decision : AccessDecision.values()) {
      counts.put(decision, (int) rows.stream().filter(row -> row.decision() == decision).count());
    }
    return counts;
  }

  /**
   * The dossier holds the content of every item given; when that includes special-category or criminal-law items only
   * a reader who may read each of them downloads it (SEC-1).
   */
  void requireDossierReader(String reference, DataReader reader) {
    repository.items(reference).stream().filter(row -> row.decision() != AccessDecision.WITHHOLD)
        .map(row -> describe(row.ref())).filter(item -> !sources.mayRead(reader, item)).findFirst()
        .ifPresent(item -> {
          throw new RestrictedItemException(item.ref());
        });
  }

  /** ACC-4: the withheld items due for review by the given date (default today), for the follow-up list. */
  public List<ExemptionReview> exemptionReviewsDueBy(LocalDate date) {
    return repository.exemptionReviewsDueBy(date == null ? calendar.today(clock) : date);
  }

  List<AccessItemRow> items(String reference) {
    return repository.items(reference);
  }

  PersonalDataItem describe(ItemRef ref) {
    return sources.source(ref.system()).item(ref.itemId()).orElseThrow(() -> new ApiNotFoundException(
        "Item " + ref + " no longer exists in its source."));
  }

  private boolean reviewOpen(String reference) {
    return reviewTask(reference) != null;
  }

  private Task reviewTask(String reference) {
    return system.call(() -> taskService.createTaskQuery().processDefinitionKey(AccessRequestProcess.KEY)
        .processInstanceBusinessKey(reference).taskDefinitionKey(AccessRequestProcess.Elements.REVIEW_ITEMS)
        .list().stream().findFirst().orElse(null));
  }

  private void requireRequest(String reference) {
    requests.findByReference(reference).orElseThrow(() -> new ApiNotFoundException(
        "No request with reference " + reference + "."));
  }

  private ValidDecision validate(ItemRef ref, AccessItemDecisionCommand command) {
    List<ApiFieldError> errors = new ArrayList<>();
    AccessDecision decision = null;
    try {
      decision = AccessDecision.valueOf(command.decision());
    } catch (RuntimeException e) {
      errors.add(new ApiFieldError("decision", "must be one of INCLUDE, REDACT, WITHHOLD"));
    }
    ExemptionCode code = null;
    if (command.exemptionCode() != null) {
      try {
        code = ExemptionCode.valueOf(command.exemptionCode());
      } catch (RuntimeException e) {
        errors.add(new ApiFieldError("exemptionCode", "must be one of THIRD_PARTY, PERSONAL_WORK_NOTE, "
            + "CRIME_PREVENTION, PROTECTION_OF_SUBJECT_OR_OTHERS, CIVIL_CLAIMS"));
      }
    }
    String reason = command.reason() == null || command.reason().isBlank() ? null : command.reason().strip();
    List<String> redactFields = clean(command.redactFields());
    List<String> redactTexts = clean(command.redactTexts());
    if (decision == AccessDecision.WITHHOLD) {
      if (command.exemptionCode() == null) {
        errors.add(new ApiFieldError("exemptionCode", "is required to withhold an item (ACC-3)"));
      }
      if (reason == null || reason.length() < MIN_REASON) {
        errors.add(new ApiFieldError("reason", "a case-specific reason of at least " + MIN_REASON
            + " characters is required to withhold an item (ACC-3)"));
      }
    }
    if (decision == AccessDecision.REDACT) {
      if (redactFields.isEmpty() && redactTexts.isEmpty()) {
        errors.add(new ApiFieldError("redactFields", "name the third party's fields or text passages to redact"));
      }
      var known = sources.source(ref.system()).export(ref.itemId()).keySet();
      redactFields.stream().filter(field -> !known.contains(field)).forEach(field -> errors.add(
          new ApiFieldError("redactFields", "the item has no field " + field)));
    }
    if (decision == AccessDecision.INCLUDE && (code != null || !redactFields.isEmpty() || !redactTexts.isEmpty())) {
      errors.add(new ApiFieldError("decision", "INCLUDE takes no exemption code and no redactions"));
    }
    if (decision == AccessDecision.REDACT && code != null && code != ExemptionCode.THIRD_PARTY) {
      errors.add(new ApiFieldError("exemptionCode", "a redaction protects third-party data: THIRD_PARTY or none"));
    }
    if (!errors.isEmpty()) {
      throw new ApiValidationException(errors);
    }
    if (decision == AccessDecision.REDACT) {
      code = ExemptionCode.THIRD_PARTY;
    }
    return new ValidDecision(decision, code, reason, redactFields, redactTexts);
  }

  private static List<String> clean(List<String> values) {
    return values == null ? List.of()
        : values.stream().filter(v -> v != null && !v.isBlank()).map(String::strip).distinct().toList();
  }

  private record ValidDecision(AccessDecision decision, ExemptionCode code, String reason, List<String> redactFields,
      List<String> redactTexts) {
  }
}
