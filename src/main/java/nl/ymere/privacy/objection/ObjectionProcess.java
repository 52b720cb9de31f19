package nl.ymere.privacy.objection;

import nl.ymere.privacy.process.ProcessVariable;

/**
 * {@code processes/dsr-objection.bpmn}: the objection sub-process of a data-subject request (issue 5, build item 6;
 * OBJ rules). Input: {@code reference}, {@code dueDate}, {@code internalTarget} and {@code objectionScope}
 * (DIRECT_MARKETING or LEGITIMATE_INTEREST; absent: the desk records it first in UserTask_RecordObjectionScope).
 * Output: {@code outcome}.
 */
public final class ObjectionProcess {

  public static final String KEY = "dsr-objection";

  public static final class Elements {
    public static final String RECORD_SCOPE = "UserTask_RecordObjectionScope";
    public static final String STOP_DIRECT_MARKETING = "Task_StopDirectMarketing";
    public static final String RESTRICT_PENDING = "Task_RestrictPendingDecision";
    public static final String WEIGH_OBJECTION = "UserTask_WeighObjection";
    public static final String CONFIRM_BALANCE = "UserTask_ConfirmBalance";
    public static final String KEEP_STOPPED = "Task_KeepProcessingStopped";
    public static final String LIFT_RESTRICTION = "Task_LiftRestrictionAfterNotice";
    public static final String SEND_LETTER = "Task_SendObjectionLetter";

    private Elements() {
    }
  }

  public static final class Variables {
    public static final ProcessVariable<String> REFERENCE = ProcessVariable.string("reference");
    public static final ProcessVariable<String> OUTCOME = ProcessVariable.string("outcome");
    public static final ProcessVariable<String> OBJECTION_SCOPE = ProcessVariable.string("objectionScope");
    /** Form field of weigh-objection: the corporation has compelling overriding grounds (objection rejected). */
    public static final ProcessVariable<Boolean> COMPELLING_GROUNDS = ProcessVariable.bool("compellingGrounds");
    /** The handler who weighed: first pair of eyes (OBJ-3), from the engine authentication. */
    public static final ProcessVariable<String> OBJECTION_WEIGHER = ProcessVariable.string("objectionWeigher");
    public static final ProcessVariable<Boolean> BALANCE_CONFIRMED = ProcessVariable.bool("objectionBalanceConfirmed");
    static final String FIELD_TENANCY_NUMBER = "tenancyNumber";
    static final String FIELD_BALANCING_REASONS = "balancingReasons";

    private Variables() {
    }
  }

  private ObjectionProcess() {
  }
}
