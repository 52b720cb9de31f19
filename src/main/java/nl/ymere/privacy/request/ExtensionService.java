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
 * today's Europe/Amsterdam date. The notice (LET-4) is queued in the same transaction, the privacy officers are
 * informed, and the deadline watch and open tasks move to the new date.
 */
@Service
public class ExtensionService {

  private static final Logger log = LoggerFactory.getLogger(ExtensionService.class);
  static final int MIN_JUSTIFICATION = 20;

  public enum ExtensionStatus { APPLIED, PENDING_APPROVAL }

  public record ExtensionResult(String reference, LocalDate extendedDueDate, ExtensionStatus status) {
  }

  private final RequestRepository requests;
  private final RequestDeadlineService deadlines;
  private final RequestLetters letters;
  private final RuntimeService runtimeService;
  private final RequestDeadlineProperties properties;
  private final SystemActions system;

  ExtensionService(RequestRepository requests, RequestDeadlineService deadlines, RequestLetters letters,
      RuntimeService runtimeService, RequestDeadlineProperties properties, SystemActions system) {
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
    if (request.isClosed()) {
      throw new ApiConflictException("Request " + reference + " is closed; its deadline can no longer be extended.");
    }
    if (requests.extension(request.id()).isPresent()) {
      throw new ApiConflictException("The deadline of request " + reference + " was already extended once (DL-6).");
    }
    Deadlines current = deadlines.deadlinesOf(request);
    LocalDate today = deadlines.today();
    if (today.isAfter(current.dueDate())) {
      throw new ApiConflictException("The one-month due date " + current.dueDate() + " has passed; an extension "
          + "notice must be sent no later than that date (DL-6).");
    }
    LocalDate extended = current.extendedDueDate();
    boolean approvalFirst = properties.extensionApprovalRequired();
    ExtensionStatus status = approvalFirst ? ExtensionStatus.PENDING_APPROVAL : ExtensionStatus.APPLIED;
    requests.insertExtension(request.id(), reason.name(), justification.strip(), userId, deadlines.now(),
        approvalFirst ? null : today, status.name());
    requests.addEvent(request.id(), deadlines.now(),
        approvalFirst ? "EXTENSION_PENDING_APPROVAL" : "DEADLINE_EXTENDED", userId);
    if (approvalFirst) {
      letters.notifyGroup(request, Groups.PRIVACY_OFFICERS, RecipientRole.PRIVACY_OFFICERS,
          "request-extension-approval", Map.of("reason", reason, "extendedDueDate", extended));
      return new ExtensionResult(reference, extended, status);
    }
    requests.updateDueDates(request.id(), current.dueDate(), extended);
    RequestRecord updated = requests.getByReference(reference);
    letters.send(updated, LetterType.EXTENSION_NOTICE,
        Map.of("reason", reason, "justification", justification.strip()));
    // DL-6: the FG is always informed; privacy officers decide.
    letters.notifyGroup(updated, Groups.PRIVACY_OFFICERS, RecipientRole.PRIVACY_OFFICERS,
        "request-extension-informed", Map.of("reason", reason));
    letters.notifyGroup(updated, Groups.FG, RecipientRole.FG, "request-extension-informed", Map.of("reason", reason));
    system.run(() -> {
      deadlines.deadlineChanged(reference);
      if (!fromStandingTask) {
        runtimeService.createMessageCorrelation(DataSubjectRequestProcess.Messages.DEADLINE_EXTENDED)
            .processInstanceBusinessKey(reference).correlateAll();
      }
    });
    log.info("Request {}: deadline extended to {} ({}) by {}", reference, extended, reason, userId);
    return new ExtensionResult(reference, extended, status);
  }
}
