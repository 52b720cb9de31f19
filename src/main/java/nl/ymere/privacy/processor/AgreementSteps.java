package nl.ymere.privacy.processor;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import nl.ymere.privacy.mail.OutboxService;
import nl.ymere.privacy.mail.RecipientRole;
import nl.ymere.privacy.process.RefusedStepException;
import nl.ymere.privacy.process.RefusedStepException.Kind;
import nl.ymere.privacy.security.Groups;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the steps of {@code processor-agreement.bpmn} do to the register: checklist evaluation (PRC-2, PRC-6),
 * transfer safeguards (PRC-4), approval, registration with the next review date, reviews (PRC-5), expiry and the
 * confirmation of return or deletion (Art 28(3)(g)). Internal mails go to groups; no personal data in them.
 */
@Service
@Transactional
public class AgreementSteps {

  /** Sub-processing authorisation kinds (PRC-3). */
  static final Set<String> SUB_PROCESSING_KINDS = Set.of("SPECIFIC", "GENERAL_WITH_OBJECTION");
  /** End actions at the corporation's choice (Art 28(3)(g)). */
  static final Set<String> END_ACTIONS = Set.of("RETURN", "DELETE");

  private final AgreementRepository agreements;
  private final AgreementApproval approval;
  private final ProcessorProperties properties;
  private final OutboxService outbox;
  private final Clock clock;

  AgreementSteps(AgreementRepository agreements, AgreementApproval approval, ProcessorProperties properties,
      OutboxService outbox, Clock clock) {
    this.agreements = agreements;
    this.approval = approval;
    this.properties = properties;
    this.outbox = outbox;
    this.clock = clock;
  }

  public AgreementRecord get(String reference) {
    return agreements.getByReference(reference);
  }

  public List<String> eventTypes(String reference) {
    return agreements.eventTypes(agreements.getByReference(reference).id());
  }

  public List<Map<String, Object>> checklist(String reference) {
    return agreements.checklist(agreements.getByReference(reference).id());
  }

  void recordRole(String reference, PartyRole role) {
    AgreementRecord agreement = agreements.getByReference(reference);
    agreements.setRole(agreement.id(), role);
    agreements.event(agreement.id(), "ROLE_" + role.name(), null, null, clock.instant());
  }

  /**
   * Records the checklist and returns the missing elements (empty: complete). An element is present only when marked
   * present with a clause reference; the breach notice must be within {@code privacy.processor.max-breach-notice-hours}
   * (PRC-2) and sub-processing needs a kind of authorisation (PRC-3).
   */
  List<ChecklistElement> recordChecklist(String reference, Set<ChecklistElement> marked,
      Map<ChecklistElement, String> clauses, Integer breachNoticeHours, String subProcessing, String user) {
    AgreementRecord agreement = agreements.getByReference(reference);
    List<ChecklistElement> required = ChecklistElement.requiredFor(agreement.role());
    Map<ChecklistElement, String> recorded = new LinkedHashMap<>();
    List<ChecklistElement> missing = new ArrayList<>();
    Set<ChecklistElement> present = new java.util.HashSet<>();
    for (ChecklistElement element : required) {
      String clause = clauses.get(element);
      recorded.put(element, clause);
      boolean ok = marked.contains(element) && clause != null;
      if (element == ChecklistElement.BREACH_NOTICE) {
        ok = ok && breachNoticeHours != null && breachNoticeHours > 0
            && breachNoticeHours <= properties.maxBreachNoticeHours();
      }
      if (element == ChecklistElement.D_SUB_PROCESSING) {
        ok = ok && subProcessing != null && SUB_PROCESSING_KINDS.contains(subProcessing);
      }
      if (ok) {
        present.add(element);
      } else {
        missing.add(element);
      }
    }
    agreements.saveChecklist(agreement.id(), recorded, present);
    agreements.setPreparation(agreement.id(), user, breachNoticeHours, subProcessing);
    agreements.clearApprover(agreement.id());
    agreements.event(agreement.id(), missing.isEmpty() ? "CHECKLIST_COMPLETE" : "CHECKLIST_INCOMPLETE", user,
        codes(missing), clock.instant());
    return missing;
  }

  /** Missing elements: the draft goes back to the contract owners (procurement) with the list. */
  void sendBack(String reference, List<ChecklistElement> missing) {
    AgreementRecord agreement = agreements.getByReference(reference);
    agreements.event(agreement.id(), "SENT_BACK", null, codes(missing), clock.instant());
    outbox.queueToGroup(reference, RecipientRole.STAFF, Groups.PROCUREMENT, "processor-draft-sent-back",
        Map.of("agreement", agreement, "missing", missing));
  }

  /** PRC-4: SCC module 1-4 with Annexes I-III and a documented transfer impact assessment. */
  boolean recordTransferSafeguards(String reference, Integer sccModule, boolean annexesComplete, String tiaReference,
      String user) {
    AgreementRecord agreement = agreements.getByReference(reference);
    boolean complete = sccModule != null && sccModule >= 1 && sccModule <= 4 && annexesComplete
        && tiaReference != null;
    agreements.setTransferSafeguards(agreement.id(), sccModule, tiaReference);
    agreements.event(agreement.id(), complete ? "TRANSFER_SAFEGUARDS_DOCUMENTED" : "TRANSFER_SAFEGUARDS_MISSING",
        user, sccModule == null ? null : "SCC module " + sccModule, clock.instant());
    return complete;
  }

  void recordFgAdvice(String reference, String advice, String user) {
    AgreementRecord agreement = agreements.getByReference(reference);
    agreements.setFgAdvice(agreement.id(), advice);
    agreements.event(agreement.id(), "FG_ADVICE_" + advice, user, null, clock.instant());
  }

  /** Free text (FG advice) goes to the agreement's events, not the engine. */
  void recordNote(String reference, String type, String text, String user) {
    AgreementRecord agreement = agreements.getByReference(reference);
    agreements.event(agreement.id(), type, user, text, clock.instant());
  }

  void recordManagementDecision(String reference, boolean approved, String user) {
    AgreementRecord agreement = agreements.getByReference(reference);
    if (approved) {
      agreements.setManagementApprovedBy(agreement.id(), user);
    }
    agreements.event(agreement.id(), approved ? "TRANSFER_APPROVED_BY_MANAGEMENT" : "TRANSFER_REFUSED_BY_MANAGEMENT",
        user, null, clock.instant());
  }

  /** PRC-4 default: no transfer outside the EEA without the exception's safeguards. */
  void refuseTransfer(String reference) {
    AgreementRecord agreement = agreements.getByReference(reference);
    agreements.setStatus(agreement.id(), AgreementStatus.REFUSED);
    agreements.event(agreement.id(), "REFUSED_TRANSFER", null, null, clock.instant());
  }

  /**
   * The second pair of eyes (PRC-1, PRC-2): an approval is recorded only when the checklist is complete and its
   * preparer stored in the processor tables, and the approver is not that preparer (issue 14); who approved is stored
   * now, for the register entry and the sharing gate.
   */
  void recordApproval(String reference, String processInstanceId, boolean approved, String comment, String user) {
    AgreementRecord agreement = agreementOf(reference, processInstanceId);
    if (user == null) {
      throw new RefusedStepException(Kind.NOT_ALLOWED, "Een overeenkomst kan alleen door een ingelogde gebruiker "
          + "worden beoordeeld.");
    }
    if (agreement.status() != AgreementStatus.DRAFT) {
      throw new RefusedStepException(Kind.NOT_ALLOWED, "Over " + reference + " is al besloten.");
    }
    if (approved) {
      List<String> missing = approval.missingBeforeApproval(agreement, user);
      if (!missing.isEmpty()) {
        throw new RefusedStepException(Kind.NOT_ALLOWED, reference + " kan niet worden goedgekeurd: "
            + String.join("; ", missing) + " (PRC-1, PRC-2).");
      }
      agreements.recordApprover(agreement.id(), user, clock.instant());
    }
    agreements.event(agreement.id(), approved ? "APPROVED" : "APPROVAL_SENT_BACK", user, comment, clock.instant());
  }

  /**
   * The party enters the register: APPROVED agreement or ACTIVE covenant, next review after the interval (PRC-5).
   * Only with the approval recorded in the processor tables ({@link AgreementApproval}); no variable names the
   * approver.
   */
  void register(String reference, String processInstanceId) {
    AgreementRecord agreement = agreementOf(reference, processInstanceId);
    List<String> missing = agreement.status() != AgreementStatus.DRAFT ? List.of("er is al over besloten")
        : approval.missingBeforeApproval(agreement, agreement.approvedBy());
    if (!missing.isEmpty()) {
      throw new RefusedStepException(Kind.NOT_ALLOWED, reference + " gaat niet in het register: "
          + String.join("; ", missing) + " (PRC-1, PRC-2).");
    }
    LocalDate today = LocalDate.now(clock);
    agreements.approve(agreement.id(), agreement.kind().inForceStatus(), agreement.approvedBy(),
        agreement.approvedAt().toInstant(), today.plus(properties.reviewInterval()));
    agreements.event(agreement.id(), "REGISTERED_IN_FORCE", agreement.approvedBy(), null, clock.instant());
  }

  /** The agreement, provided this process instance is the one the product started for it. */
  private AgreementRecord agreementOf(String reference, String processInstanceId) {
    AgreementRecord agreement = agreements.getByReference(reference);
    if (processInstanceId != null && !processInstanceId.equals(agreements.processInstanceId(agreement.id()))) {
      throw new RefusedStepException(Kind.NOT_ALLOWED, reference + " wordt in een ander proces behandeld; deze "
          + "stap hoort er niet bij.");
    }
    return agreement;
  }

  void sendReviewDue(String reference) {
    AgreementRecord agreement = agreements.getByReference(reference);
    agreements.event(agreement.id(), "REVIEW_DUE", null, null, clock.instant());
    Map<String, Object> model = Map.of("agreement", agreement);
    outbox.queueToGroup(reference, RecipientRole.PRIVACY_OFFICERS, Groups.PRIVACY_OFFICERS, "processor-review-due",
        model);
    outbox.queueToGroup(reference, RecipientRole.STAFF, Groups.PROCUREMENT, "processor-review-due", model);
  }

  /** A review that continues the agreement schedules the next one (PRC-5). */
  void recordReview(String reference, String outcome, String note, String user) {
    AgreementRecord agreement = agreements.getByReference(reference);
    if (ProcessorAgreementProcess.REVIEW_CONTINUE.equals(outcome)) {
      agreements.setNextReview(agreement.id(), LocalDate.now(clock).plus(properties.reviewInterval()));
    }
    agreements.event(agreement.id(), "REVIEWED_" + outcome, user, note, clock.instant());
  }

  void sendExpiryReminder(String reference) {
    AgreementRecord agreement = agreements.getByReference(reference);
    agreements.event(agreement.id(), "EXPIRY_REMINDER", null, null, clock.instant());
    Map<String, Object> model = Map.of("agreement", agreement, "daysBefore", properties.expiryReminderDaysBefore());
    outbox.queueToGroup(reference, RecipientRole.STAFF, Groups.PROCUREMENT, "processor-expiry-reminder", model);
    outbox.queueToGroup(reference, RecipientRole.PRIVACY_OFFICERS, Groups.PRIVACY_OFFICERS,
        "processor-expiry-reminder", model);
  }

  /** Terminated by a review or expired: the gate refuses from now on; return or deletion is to be confirmed. */
  void terminate(String reference, String cause) {
    AgreementRecord agreement = agreements.getByReference(reference);
    agreements.terminate(agreement.id(), LocalDate.now(clock));
    agreements.event(agreement.id(), "TERMINATED_" + cause, null, null, clock.instant());
  }

  /** Art 28(3)(g): the party confirmed the data was returned or deleted, as the corporation chose. */
  void confirmEnd(String reference, String endAction, String user) {
    AgreementRecord agreement = agreements.getByReference(reference);
    agreements.confirmEnd(agreement.id(), endAction, user);
    agreements.event(agreement.id(), "DATA_" + endAction + "_CONFIRMED", user, null, clock.instant());
  }

  static String codes(List<ChecklistElement> elements) {
    return elements.stream().map(Enum::name).collect(Collectors.joining(","));
  }

  static List<ChecklistElement> parseCodes(String codes) {
    if (codes == null || codes.isBlank()) {
      return List.of();
    }
    return Arrays.stream(codes.split(",")).map(ChecklistElement::valueOf).toList();
  }
}
