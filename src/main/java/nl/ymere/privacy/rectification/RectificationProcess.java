package nl.ymere.privacy.rectification;

import nl.ymere.privacy.process.ProcessVariable;

/**
 * {@code processes/dsr-rectification.bpmn}: the rectification sub-process of a data-subject request (issue 5, build
 * item 3; REC rules, REQ-6, LET-3, LET-5). Called with business key = request reference and {@code reference},
 * {@code dueDate}, {@code internalTarget}; sets {@code outcome}. The proposed values live in
 * {@code privacy.rectification_change} (recorded through {@code /api/requests/{reference}/rectification}), never in
 * the process: the tasks complete with counts and user ids only.
 */
public final class RectificationProcess {

  public static final String KEY = "dsr-rectification";

  public static final class Elements {
    public static final String RECORD_CHANGES = "UserTask_RecordChanges";
    public static final String APPLY_CHANGES = "UserTask_ApplyChanges";
    public static final String CONFIRM_REFUSAL = "UserTask_ConfirmRefusal";
    public static final String INFORM_RECIPIENTS = "Task_InformRecipients";
    public static final String SEND_LETTER = "Task_SendRectificationLetter";
    public static final String END = "EndEvent_RectificationHandled";

    private Elements() {
    }
  }

  public static final class Variables {
    public static final ProcessVariable<String> REFERENCE = ProcessVariable.string("reference");
    public static final ProcessVariable<String> OUTCOME = ProcessVariable.string("outcome");
    /** Candidate groups of the apply task: the departments that own the items (SEC-1 for flagged items). */
    public static final ProcessVariable<String> APPLY_GROUPS = ProcessVariable.string("rectificationApplyGroups");
    /** Who completed the apply task: the first pair of eyes on a refusal (LET-3), from the engine authentication. */
    public static final ProcessVariable<String> APPLIER = ProcessVariable.string("rectificationApplier");
    /** Form field of confirm-rectification-refusal. */
    public static final ProcessVariable<Boolean> REFUSAL_CONFIRMED = ProcessVariable.bool("refusalConfirmed");
    /** Form field of apply-rectification-changes: the department checked every proposed change. */
    public static final ProcessVariable<Boolean> CHANGES_CHECKED = ProcessVariable.bool("changesChecked");
    /** Counts (Integer) the gateways read. */
    public static final String PROPOSED_CHANGES = "proposedChanges";
    public static final String REFUSED_CHANGES = "refusedChanges";

    private Variables() {
    }
  }

  private RectificationProcess() {
  }
}
