package nl.ymere.privacy.restriction;

import nl.ymere.privacy.process.ProcessVariable;

/**
 * {@code processes/dsr-restriction.bpmn}: the restriction sub-process of a data-subject request (issue 5, build item 5;
 * RES rules). Called with business key = request reference and {@code reference}, {@code dueDate},
 * {@code internalTarget}; sets {@code outcome}. A second start, the message {@value #LIFT_MESSAGE} (business key =
 * reference), lifts the block later: notice first, then the configured wait, then the lift (Art 18(3), RES-3). When
 * no RES-1 ground applies the handler proposes a refusal instead; a privacy officer who is not the proposer confirms
 * it (four eyes) and the LET-3 letter follows with outcome REFUSED, or sends it back to the choose task.
 */
public final class RestrictionProcess {

  public static final String KEY = "dsr-restriction";
  public static final String LIFT_MESSAGE = "RestrictionLiftRequested";

  public static final class Elements {
    public static final String CHOOSE_ITEMS = "UserTask_ChooseRestrictionItems";
    public static final String RESTRICTION_DECISION = "Gateway_RestrictionDecision";
    public static final String CONFIRM_REFUSAL = "UserTask_ConfirmRestrictionRefusal";
    public static final String REFUSAL_CONFIRMED = "Gateway_RefusalConfirmed";
    public static final String SEND_REFUSAL_LETTER = "Task_SendRefusalLetter";
    public static final String END_REFUSED = "EndEvent_RestrictionRefused";
    public static final String APPLY_RESTRICTION = "Task_ApplyRestriction";
    public static final String INFORM_RECIPIENTS = "Task_InformRecipients";
    public static final String SEND_LETTER = "Task_SendRestrictionLetter";
    public static final String END = "EndEvent_RestrictionApplied";
    public static final String LIFT_REQUESTED = "StartEvent_LiftRequested";
    public static final String SEND_LIFT_NOTICE = "Task_SendLiftNotice";
    public static final String WAIT_AFTER_NOTICE = "Timer_WaitAfterLiftNotice";
    public static final String LIFT_RESTRICTION = "Task_LiftRestriction";
    public static final String END_LIFTED = "EndEvent_RestrictionLifted";

    private Elements() {
    }
  }

  public static final class Variables {
    public static final ProcessVariable<String> REFERENCE = ProcessVariable.string("reference");
    public static final ProcessVariable<String> OUTCOME = ProcessVariable.string("outcome");
    /** Form field (select) of choose-restriction-items: the RES-1 ground, A to E. A code, kept in the process. */
    public static final ProcessVariable<String> GROUND = ProcessVariable.string("restrictionGround");
    /** Form field (radio) of choose-restriction-items: {@link Decision}; absent means RESTRICT. A code. */
    public static final ProcessVariable<String> DECISION = ProcessVariable.string("restrictionDecision");
    /** The user who proposed the refusal: the first pair of eyes of the confirm task (a user id, never a form field). */
    public static final ProcessVariable<String> REFUSAL_DRAFTER = ProcessVariable.string("restrictionRefusalDrafter");
    /** Form field (checkbox) of confirm-restriction-refusal; false sends the refusal back. */
    public static final ProcessVariable<Boolean> REFUSAL_CONFIRMED = ProcessVariable.bool("restrictionRefusalConfirmed");
    /** ISO-8601 duration between the lift notice and the lift (privacy.restriction.lift-notice-period). */
    public static final ProcessVariable<String> LIFT_NOTICE_PERIOD = ProcessVariable.string("liftNoticePeriod");
    /** Form fields moved into the product table and removed from the process (DESIGN principle 2). */
    static final String FIELD_TENANCY_NUMBER = "tenancyNumber";
    static final String FIELD_ITEMS = "restrictionItems";
    static final String FIELD_REFUSAL_REASONS = "refusalReasons";

    private Variables() {
    }
  }

  /** The handler's choice in the choose task: restrict on a RES-1 ground, or propose a refusal (no ground applies). */
  public enum Decision {
    RESTRICT, REFUSE
  }

  private RestrictionProcess() {
  }
}
