package nl.ymere.privacy.restriction;

import nl.ymere.privacy.process.ProcessVariable;

/**
 * {@code processes/dsr-restriction.bpmn}: the restriction sub-process of a data-subject request (issue 5, build item 5;
 * RES rules). Called with business key = request reference and {@code reference}, {@code dueDate},
 * {@code internalTarget}; sets {@code outcome}. A second start, the message {@value #LIFT_MESSAGE} (business key =
 * reference), lifts the block later: notice first, then the configured wait, then the lift (Art 18(3), RES-3).
 */
public final class RestrictionProcess {

  public static final String KEY = "dsr-restriction";
  public static final String LIFT_MESSAGE = "RestrictionLiftRequested";

  public static final class Elements {
    public static final String CHOOSE_ITEMS = "UserTask_ChooseRestrictionItems";
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
    /** ISO-8601 duration between the lift notice and the lift (privacy.restriction.lift-notice-period). */
    public static final ProcessVariable<String> LIFT_NOTICE_PERIOD = ProcessVariable.string("liftNoticePeriod");
    /** Form fields moved into the product table and removed from the process (DESIGN principle 2). */
    static final String FIELD_TENANCY_NUMBER = "tenancyNumber";
    static final String FIELD_ITEMS = "restrictionItems";

    private Variables() {
    }
  }

  private RestrictionProcess() {
  }
}
