package nl.ymere.privacy.request;

import nl.ymere.privacy.process.ProcessVariable;

/** Key, element ids, messages and variables of {@code processes/data-subject-request.bpmn}. */
public final class DataSubjectRequestProcess {

  public static final String KEY = "data-subject-request";

  public static final class Elements {
    public static final String START = "StartEvent_RequestReceived";
    public static final String VERIFY_IDENTITY = "CallActivity_VerifyIdentity";
    public static final String CHECK_REPRESENTATION = "UserTask_CheckRepresentation";
    public static final String DECIDE_AND_ANSWER = "UserTask_DecideAndAnswer";
    public static final String FULFIL_RIGHT = "CallActivity_FulfilRight";
    public static final String APPROVE_REFUSAL = "UserTask_ApproveRefusal";
    public static final String EXTEND_DEADLINE = "UserTask_ExtendDeadline";
    public static final String SEND_ANSWER_LETTER = "Task_SendAnswerLetter";
    public static final String SEND_NOT_PROCESSABLE_LETTER = "Task_SendNotProcessableLetter";
    public static final String SEND_CHILD_REPLY = "Task_SendChildReply";
    public static final String REQUEST_CLOSED = "EndEvent_RequestClosed";
    public static final String CHILD_REPLIED = "EndEvent_ChildReplied";
    public static final String DEADLINE_WATCH = "SubProcess_DeadlineWatch";
    public static final String TIMER_REMINDER = "Timer_Reminder";
    public static final String TIMER_ESCALATION_BEFORE = "Timer_EscalationBefore";
    public static final String TIMER_ESCALATION_ON_DUE = "Timer_EscalationOnDue";
    public static final String TIMER_OVERDUE = "Timer_Overdue";
    public static final String WAIT_WHILE_PAUSED = "CatchEvent_DeadlineChangedWhilePaused";

    private Elements() {
    }
  }

  public static final class Messages {
    /** Correlated on every deadline change (extension, pause start, pause end): timers are re-created. */
    public static final String DEADLINE_CHANGED = "DeadlineChanged";
    /** Ends the standing extension task when the extension was made through the API. */
    public static final String DEADLINE_EXTENDED = "DeadlineExtended";

    private Messages() {
    }
  }

  public static final class Variables {
    public static final ProcessVariable<String> REFERENCE = ProcessVariable.string("reference");
    public static final ProcessVariable<String> RIGHT = ProcessVariable.string("right");
    public static final ProcessVariable<String> REPRESENTATION = ProcessVariable.string("representation");
    public static final ProcessVariable<String> INTAKE_KIND = ProcessVariable.string("intakeKind");
    /** The called {@code dsr-<right>} process, or null for the generic decision (privacy.request.right-processes). */
    public static final ProcessVariable<String> RIGHT_PROCESS = ProcessVariable.string("rightProcess");
    /** Legal expiry of the effective due date (23:59:59 Amsterdam): Tasklist due date of every user task. */
    public static final ProcessVariable<java.util.Date> DUE_DATE = ProcessVariable.date("dueDate");
    /** Internal target (DL-11): follow-up date of every user task. */
    public static final ProcessVariable<java.util.Date> INTERNAL_TARGET = ProcessVariable.date("internalTarget");
    public static final ProcessVariable<Boolean> PAUSED = ProcessVariable.bool("paused");
    public static final ProcessVariable<Boolean> OVERDUE = ProcessVariable.bool("overdue");
    public static final ProcessVariable<String> IDENTITY_RESULT = ProcessVariable.string("identityResult");
    public static final ProcessVariable<Boolean> AUTHORITY_PROVEN = ProcessVariable.bool("authorityProven");
    public static final ProcessVariable<String> OUTCOME = ProcessVariable.string("outcome");
    public static final ProcessVariable<String> ANSWER_DRAFTER = ProcessVariable.string("answerDrafter");
    public static final ProcessVariable<Boolean> REFUSAL_APPROVED = ProcessVariable.bool("refusalApproved");
    public static final ProcessVariable<String> NOTICE_KIND = ProcessVariable.string("noticeKind");
    /** OBJECTION only: {@link ObjectionScope} code from the intake, passed into dsr-objection. */
    public static final ProcessVariable<String> OBJECTION_SCOPE = ProcessVariable.string("objectionScope");

    private Variables() {
    }
  }

  /** Values of {@code intakeKind}. */
  public static final String INTAKE_REQUEST = "REQUEST";
  public static final String INTAKE_CHILD_OWN_REQUEST = "CHILD_OWN_REQUEST";

  private DataSubjectRequestProcess() {
  }
}
