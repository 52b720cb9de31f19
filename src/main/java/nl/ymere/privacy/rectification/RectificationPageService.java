package nl.ymere.privacy.rectification;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import nl.ymere.privacy.personaldata.AccessPurpose;
import nl.ymere.privacy.personaldata.DataReader;
import nl.ymere.privacy.personaldata.ItemRef;
import nl.ymere.privacy.personaldata.PersonalDataItem;
import nl.ymere.privacy.personaldata.PersonalDataSources;
import nl.ymere.privacy.process.SystemActions;
import nl.ymere.privacy.request.RequestRecords;
import nl.ymere.privacy.security.Groups;
import nl.ymere.privacy.web.ApiConflictException;
import nl.ymere.privacy.web.ApiFieldError;
import nl.ymere.privacy.web.ApiNotFoundException;
import nl.ymere.privacy.web.ApiValidationException;
import org.camunda.bpm.engine.TaskService;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The rectification page behind {@code /api/requests/{reference}/rectification}: the handler records per item what
 * the person asks (REC-1), and the owning department refuses a change with a reason (LET-3). The new values are
 * personal data: they stay in {@code privacy.rectification_change}. Bad input changes nothing (DESIGN principle 7).
 */
@Service
class RectificationPageService {

  static final int MAX_VALUE = 10_000;
  static final int MIN_REASON = 20;
  static final int MIN_EXCEPTION_REASON = 10;

  private final RectificationRepository repository;
  private final RectificationService rectification;
  private final PersonalDataSources sources;
  private final RequestRecords requests;
  private final TaskService taskService;
  private final SystemActions system;
  private final Clock clock;

  RectificationPageService(RectificationRepository repository, RectificationService rectification,
      PersonalDataSources sources, RequestRecords requests, TaskService taskService, SystemActions system,
      Clock clock) {
    this.repository = repository;
    this.rectification = rectification;
    this.sources = sources;
    this.requests = requests;
    this.taskService = taskService;
    this.system = system;
    this.clock = clock;
  }

  @Transactional
  public RectificationView view(String reference, DataReader reader) {
    requireRequest(reference);
    TeamScope scope = requireTeamItem(reference, reader);
    List<RectificationView.Item> items = new ArrayList<>();
    for (PersonalDataItem item : rectification.find(reference)) {
      if (!scope.covers(item.system())) {
        continue;
      }
      items.add(new RectificationView.Item(item.system(), item.itemId(), item.category(), item.flagged(),
          item.restricted(), sources.source(item.system()).correctableFields(item.itemId()), item.recipients()));
    }
    List<RectificationView.Change> changes = new ArrayList<>();
    for (RectificationChange change : repository.changes(reference)) {
      if (!scope.covers(change.ref().system())) {
        continue;
      }
      boolean readable = !change.flagged() || readable(change.ref(), reader);
      changes.add(new RectificationView.Change(change.id(), change.ref().system(), change.ref().itemId(),
          change.category(), change.kind(), change.field(), readable ? repository.value(change.id()) : null,
          !readable, change.status(), change.refusalReason(), change.restrictedHere(), change.recipients(),
          change.recipientsException()));
    }
    return new RectificationView(reference, taskOpen(reference, RectificationProcess.Elements.RECORD_CHANGES),
        taskOpen(reference, RectificationProcess.Elements.APPLY_CHANGES), items, changes);
  }

  /** Records one change while the recording task is open (privacy desk and privacy officers). */
  @Transactional
  public RectificationView.Change record(String reference, RecordChangeCommand command, DataReader reader) {
    requireRequest(reference);
    requireTeamItem(reference, reader);
    if (!reader.inAnyOf(Set.of(Groups.PRIVACY_DESK, Groups.PRIVACY_OFFICERS))) {
      throw new AccessDeniedException("Only the privacy desk and privacy officers record rectification changes.");
    }
    if (!taskOpen(reference, RectificationProcess.Elements.RECORD_CHANGES)) {
      throw new ApiConflictException("Request " + reference + " is not recording rectification changes.");
    }
    List<ApiFieldError> errors = new ArrayList<>();
    String tenancyNumber = blankToNull(command.tenancyNumber());
    if (tenancyNumber != null && tenancyNumber.length() > 40) {
      errors.add(new ApiFieldError("tenancyNumber", "must be at most 40 characters"));
    }
    ChangeKind kind = null;
    if (command.kind() == null) {
      errors.add(new ApiFieldError("kind", "is required: CORRECT, COMPLETE or STATEMENT"));
    } else {
      try {
        kind = ChangeKind.valueOf(command.kind().strip().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        errors.add(new ApiFieldError("kind", "must be one of CORRECT, COMPLETE, STATEMENT"));
      }
    }
    String value = command.value() == null ? null : command.value().strip();
    if (value == null || value.isEmpty()) {
      errors.add(new ApiFieldError("value", "is required: the new value, or the person's statement"));
    } else if (value.length() > MAX_VALUE) {
      errors.add(new ApiFieldError("value", "must be at most " + MAX_VALUE + " characters"));
    }
    String exception = blankToNull(command.recipientsNotInformedReason());
    if (exception != null && exception.length() < MIN_EXCEPTION_REASON) {
      errors.add(new ApiFieldError("recipientsNotInformedReason", "say in at least " + MIN_EXCEPTION_REASON
          + " characters why telling the recipients is impossible or disproportionate (REQ-6)"));
    }
    PersonalDataItem item = null;
    if (blankToNull(command.system()) == null || blankToNull(command.itemId()) == null) {
      errors.add(new ApiFieldError("itemId", "system and itemId are required"));
    } else {
      ItemRef ref = new ItemRef(command.system().strip(), command.itemId().strip());
      String lookup = tenancyNumber != null ? tenancyNumber : repository.tenancyNumber(reference).orElse(null);
      item = rectification.find(rectification.subjectOf(reference, lookup)).stream()
          .filter(found -> found.ref().equals(ref)).findFirst().orElse(null);
      if (item == null) {
        errors.add(new ApiFieldError("itemId", "is not an item of this person (give the tenancyNumber for items "
            + "kept per tenancy)"));
      }
    }
    String field = blankToNull(command.field());
    if (kind == ChangeKind.STATEMENT && field != null) {
      errors.add(new ApiFieldError("field", "a statement is attached to the whole item: leave field out"));
    } else if (kind != null && kind != ChangeKind.STATEMENT) {
      if (field == null) {
        errors.add(new ApiFieldError("field", "is required to correct or complete an item"));
      } else if (item != null) {
        Set<String> correctable = sources.source(item.system()).correctableFields(item.itemId());
        if (!correctable.contains(field)) {
          errors.add(new ApiFieldError("field", "cannot be corrected; correctable: " + correctable + ". A recorded "
              + "opinion is not rewritten: attach the person's statement (kind STATEMENT, REC-1)"));
        } else if (field.toLowerCase(Locale.ROOT).contains("date") && value != null && !value.isEmpty()) {
          try {
            LocalDate.parse(value);
          } catch (DateTimeParseException e) {
            errors.add(new ApiFieldError("value", "must be a date (YYYY-MM-DD) for field " + field));
          }
        }
      }
    }
    if (item != null && exception != null && item.recipients().isEmpty()) {
      errors.add(new ApiFieldError("recipientsNotInformedReason", "the item has no recipients"));
    }
    if (!errors.isEmpty()) {
      throw new ApiValidationException(errors);
    }
    repository.createCase(reference);
    if (tenancyNumber != null) {
      repository.setTenancyNumber(reference, tenancyNumber);
    }
    boolean restrictHere = Boolean.TRUE.equals(command.restrictWhileChecking()) && !item.restricted();
    if (restrictHere) {
      // REC-2, RES-1(a): the item is blocked while its accuracy is checked; lifted after the letter told the person
      sources.restrict(item.ref(), true);
    }
    long id = repository.add(reference, item.ref(), item.category(), item.flagged(), kind, field, value,
        item.recipients(), exception, restrictHere, reader.userId(), clock.instant());
    rectification.event(reference, restrictHere ? "RECTIFICATION_CHANGE_RECORDED_RESTRICTED"
        : "RECTIFICATION_CHANGE_RECORDED", reader.userId());
    return changeView(reference, id, reader);
  }

  /**
   * The choice screen searches with the tenancy number too (items kept per tenancy), while the recording task is open
   * (privacy desk and privacy officers); the number is kept with the case, never in the process. Bad input changes
   * nothing.
   */
  @Transactional
  public void searchWithTenancyNumber(String reference, String tenancyNumber, DataReader reader) {
    requireRequest(reference);
    if (!reader.inAnyOf(Set.of(Groups.PRIVACY_DESK, Groups.PRIVACY_OFFICERS))) {
      throw new AccessDeniedException("Only the privacy desk and privacy officers record rectification changes.");
    }
    if (!taskOpen(reference, RectificationProcess.Elements.RECORD_CHANGES)) {
      throw new ApiConflictException("Request " + reference + " is not recording rectification changes.");
    }
    String number = blankToNull(tenancyNumber);
    if (number == null || number.length() > 40) {
      throw new ApiValidationException("tenancyNumber", "is required and at most 40 characters");
    }
    repository.createCase(reference);
    repository.setTenancyNumber(reference, number);
  }

  /** The owning department refuses one change with a case-specific reason while the apply task is open (LET-3). */
  @Transactional
  public RectificationView.Change refuse(String reference, long id, RefuseChangeCommand command, DataReader reader) {
    requireRequest(reference);
    TeamScope scope = requireTeamItem(reference, reader);
    RectificationChange change = repository.change(reference, id).filter(found -> scope.covers(found.ref().system()))
        .orElseThrow(() -> new ApiNotFoundException("Request " + reference + " has no rectification change " + id
            + "."));
    if (!taskOpen(reference, RectificationProcess.Elements.APPLY_CHANGES)) {
      throw new ApiConflictException("The changes of request " + reference + " are not being applied now.");
    }
    if (change.status() != ChangeStatus.PROPOSED) {
      throw new ApiConflictException("Change " + id + " is " + change.status() + ", not PROPOSED.");
    }
    String reason = command == null ? null : blankToNull(command.reason());
    if (reason == null || reason.length() < MIN_REASON) {
      throw new ApiValidationException("reason", "a case-specific reason of at least " + MIN_REASON
          + " characters is required (LET-3)");
    }
    if (change.flagged() && !readable(change.ref(), reader)) {
      throw new AccessDeniedException("Only the item's restricted team or a privacy officer decides on it (SEC-1).");
    }
    repository.decided(id, ChangeStatus.REFUSED, reason, reader.userId(), clock.instant());
    rectification.event(reference, "RECTIFICATION_CHANGE_REFUSED", reader.userId());
    return changeView(reference, id, reader);
  }

  private RectificationView.Change changeView(String reference, long id, DataReader reader) {
    RectificationChange change = repository.change(reference, id).orElseThrow();
    boolean readable = !change.flagged() || sources.mayRead(reader, sources.source(change.ref().system())
        .item(change.ref().itemId()).orElseThrow());
    return new RectificationView.Change(change.id(), change.ref().system(), change.ref().itemId(), change.category(),
        change.kind(), change.field(), readable ? repository.value(id) : null, !readable, change.status(),
        change.refusalReason(), change.restrictedHere(), change.recipients(), change.recipientsException());
  }

  private boolean readable(ItemRef ref, DataReader reader) {
    return sources.source(ref.system()).item(ref.itemId()).isPresent()
        && sources.read(ref, AccessPurpose.RECTIFICATION_REQUEST, reader);
  }

  private boolean taskOpen(String reference, String taskKey) {
    return system.call(() -> taskService.createTaskQuery().processInstanceBusinessKey(reference)
        .processDefinitionKey(RectificationProcess.KEY).taskDefinitionKey(taskKey).count() > 0);
  }

  /**
   * Which items of a request the reader may see on this page. The privacy desk and privacy officers see all of them;
   * a user of a restricted-data team only ({@code nuisance-team}, {@code housing-adaptation}) sees the items of the
   * sources their team owns (SEC-1), and a request without such an item does not exist for them (issue 14 finding 6:
   * any request answered 200 to those teams).
   */
  record TeamScope(Set<String> systems) {
    static final TeamScope ALL = new TeamScope(null);

    boolean covers(String system) {
      return systems == null || systems.contains(system);
    }
  }

  private TeamScope requireTeamItem(String reference, DataReader reader) {
    if (reader.inAnyOf(Set.of(Groups.PRIVACY_DESK, Groups.PRIVACY_OFFICERS))) {
      return TeamScope.ALL;
    }
    Set<String> own = sources.all().stream().filter(source -> reader.inAnyOf(source.flaggedItemReaders()))
        .map(source -> source.system()).collect(java.util.stream.Collectors.toSet());
    TeamScope scope = new TeamScope(own);
    boolean ownsItem = rectification.find(reference).stream().anyMatch(item -> scope.covers(item.system()))
        || repository.changes(reference).stream().anyMatch(change -> scope.covers(change.ref().system()));
    if (!ownsItem) {
      throw new ApiNotFoundException("No request " + reference + ".");
    }
    return scope;
  }

  private void requireRequest(String reference) {
    requests.findByReference(reference).orElseThrow(() -> new ApiNotFoundException("No request " + reference + "."));
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
