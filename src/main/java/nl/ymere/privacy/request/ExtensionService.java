package nl.ymere.privacy.request;

import java.time.LocalDate;
import java.util.Map;
import nl.ymere.privacy.deadline.Deadlines;
import nl.ymere.privacy.mail.RecipientRole;
import nl.ymere.privacy.process.SystemActions;
import nl.ymere.privacy.security.Groups;
import nl.ymere.privacy.web.ApiConflictException;
import nl.ymere.privacy.web.ApiValidationException;
import org.camunda.bpm.engine.RuntimeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Extends a request's deadline once (DL-6): only for COMPLEXITY or NUMBER_OF_REQUESTS, with a case-specific
 * justification, up to and including the one-month due date (DL-2 plus pause days, rolled per DL-3) judged on
 * today's Europe/Amsterdam date. The notice (LET-4) is queued in the same transaction, the privacy officers and the FG
 * are informed, and the deadline watch and open tasks move to the new date. With {@code
 * privacy.extension.approval-required} a privacy officer other than the requester approves first, also by the
 * one-month due date.
 */
@Service
public class ExtensionService {

  private static final Logger log = LoggerFactory.getLogger(ExtensionService.class);
  static final int MIN_JUSTIFICATION = 20;

  public enum ExtensionStatus { APPLIED, PENDING_APPROVAL, REJECTED }

  public record ExtensionResult(String reference, LocalDate extendedDueDate, ExtensionStatus status) {
  }

  private final RequestRepository requests;
  private final RequestDeadlineService deadlines;
  private final RequestLetters letters;
  private final RuntimeService runtimeService;
  private final ExtensionProperties properties;
  private final SystemActions system;

  ExtensionService(RequestRepository requests, RequestDeadlineService deadlines, RequestLetters letters,
      RuntimeService runtimeService, ExtensionProperties properties, SystemActions system) {
    this.requests = requests;
    this.deadlines = deadlines;
    this.letters = letters;
    this.runtimeService = runtimeService;
    this.properties = properties;
    this.system = system;
  }

  /**
   * @param fromStandingTask true when the standing Tasklist task is being completed (it ends by itself); false for
   *     the API, which then ends the standing task through message {@code DeadlineExtended}
   */
  @Transactional
  public ExtensionResult extend(String reference, ExtensionReason reason, String justification, String userId,
      boolean fromStandingTask) {
    if (reason == null) {
      throw new ApiValidationException("reason", "is required (COMPLEXITY or NUMBER_OF_REQUESTS)");
    }
    if (justification == null || justification.strip().length() < MIN_JUSTIFICATION) {
      throw new ApiValidationException("justification",
          "a case-specific written justification of at least " + MIN_JUSTIFICATION + " characters is required");
    }
    RequestRecord request = requests.getByReference(reference);
    if (requests.extension(request.id()).isPresent()) {
      throw new ApiConflictException("The deadline of request " + reference + " was already extended once (DL-6).");
    }
    Deadlines current = stillExtendable(request);
    boolean approvalFirst = properties.approvalRequired();
    requests.insertExtension(request.id(), reason.name(), justification.strip(), userId, deadlines.now(),
        null, approvalFirst ? ExtensionStatus.PENDING_APPROVAL.name() : ExtensionStatus.APPLIED.name());
    endStandingTask(reference, fromStandingTask);
    if (approvalFirst) {
      requests.addEvent(request.id(), deadlines.now(), "EXTENSION_PENDING_APPROVAL", userId);
      letters.notifyGroup(request, Groups.PRIVACY_OFFICERS, RecipientRole.PRIVACY_OFFICERS,
          "request-extension-approval", Map.of("reason", reason, "extendedDueDate", current.extendedDueDate()));
      return new ExtensionResult(reference, current.extendedDueDate(), ExtensionStatus.PENDING_APPROVAL);
    }
    return apply(request, current, reason, justification.strip(), userId);
  }

  /**
   * A privacy officer's decision on a pending extension: never by the person who asked for it (four eyes), and an
   * approval only up to and including the one-month due date, when the notice can still go out in time (DL-6).
   */
  @Transactional
  public ExtensionResult decide(String reference, boolean approved, String officerId) {
    RequestRecord request = requests.getByReference(reference);
    RequestRepository.ExtensionRow pending = requests.extension(request.id())
        .filter(e -> ExtensionStatus.PENDING_APPROVAL.name().equals(e.status()))
        .orElseThrow(() -> new ApiConflictException("Request " + reference + " has no extension awaiting approval."));
    if (officerId == null || officerId.equals(pending.requestedBy())) {
      throw new ApiConflictException("Four eyes: the extension must be approved by someone other than "
          + pending.requestedBy() + ", who asked for it.");
    }
    if (!approved) {
      requests.setExtensionStatus(request.id(), ExtensionStatus.REJECTED.name(), null);
      requests.addEvent(request.id(), deadlines.now(), "EXTENSION_REJECTED", officerId);
      return new ExtensionResult(reference, null, ExtensionStatus.REJECTED);
    }
    Deadlines current = stillExtendable(request);
    return apply(request, current, ExtensionReason.valueOf(pending.reason()), pending.justification(), officerId);
  }

  private Deadlines stillExtendable(RequestRecord request) {
    if (request.isClosed()) {
      throw new ApiConflictException("Request " + request.reference() + " is closed; its deadline can no longer be "
          + "extended.");
    }
    Deadlines current = deadlines.deadlinesOf(request);
    if (deadlines.today().isAfter(current.dueDate())) {
      throw new ApiConflictException("The one-month due date " + current.dueDate() + " has passed; an extension "
          + "notice must be sent no later than that date (DL-6).");
    }
    return current;
  }

  private ExtensionResult apply(RequestRecord request, Deadlines current, ExtensionReason reason,
      String justification, String userId) {
    LocalDate extended = current.extendedDueDate();
    requests.setExtensionStatus(request.id(), ExtensionStatus.APPLIED.name(), deadlines.today());
    requests.updateDueDates(request.id(), current.dueDate(), extended);
    requests.addEvent(request.id(), deadlines.now(), "DEADLINE_EXTENDED", userId);
    RequestRecord updated = requests.getByReference(request.reference());
    letters.send(updated, LetterType.EXTENSION_NOTICE, Map.of("reason", reason, "justification", justification));
    // DL-6: the FG is always informed; privacy officers decide.
    letters.notifyGroup(updated, Groups.PRIVACY_OFFICERS, RecipientRole.PRIVACY_OFFICERS,
        "request-extension-informed", Map.of("reason", reason));
    letters.notifyGroup(updated, Groups.FG, RecipientRole.FG, "request-extension-informed", Map.of("reason", reason));
    system.run(() -> deadlines.deadlineChanged(request.reference()));
    log.info("Request {}: deadline extended to {} ({}) by {}", request.reference(), extended, reason, userId);
    return new ExtensionResult(request.reference(), extended, ExtensionStatus.APPLIED);
  }

  private void endStandingTask(String reference, boolean fromStandingTask) {
    if (!fromStandingTask) {
      system.run(() -> runtimeService.createMessageCorrelation(DataSubjectRequestProcess.Messages.DEADLINE_EXTENDED)
          .processInstanceBusinessKey(reference).correlateAll());
    }
  }
}
