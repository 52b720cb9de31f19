package nl.ymere.privacy.complaint;

import nl.ymere.privacy.process.ProcessVariable;

/** Key, element ids and variables of {@code processes/privacy-complaint.bpmn} (issue 19; CMP-1..CMP-3). */
public final class ComplaintProcess {

  public static final String KEY = "privacy-complaint";

  public static final class Elements {
    public static final String START = "StartEvent_ComplaintReceived";
    public static final String SEND_ACKNOWLEDGEMENT = "Task_SendAcknowledgement";
    public static final String TRIAGE = "UserTask_TriageComplaint";
    public static final String ASSESS_POSSIBLE_BREACH = "UserTask_AssessPossibleBreach";
    public static final String HANDLING = "SubProcess_Handling";
    public static final String INVESTIGATE = "UserTask_InvestigateComplaint";
    public static final String DRAFT_ANSWER = "UserTask_DraftAnswer";
    public static final String APPROVE_ANSWER = "UserTask_ApproveAnswer";
    public static final String SEND_ANSWER = "Task_SendAnswer";
    public static final String TIMER_REMINDER = "Timer_AnswerReminder";
    public static final String TIMER_ESCALATION = "Timer_AnswerOverdue";
    public static final String ANSWERED = "EndEvent_ComplaintAnswered";

    private Elements() {
    }
  }

  /** References, codes, booleans and user ids only (DESIGN principle 2, SEC-3). */
  public static final class Variables {
    public static final ProcessVariable<String> COMPLAINT_REFERENCE = ProcessVariable.string("complaintReference");
    /** Form field of the triage: a rights request was found inside the complaint (CMP-1). */
    public static final ProcessVariable<Boolean> RIGHTS_REQUEST_FOUND = ProcessVariable.bool("rightsRequestFound");
    public static final ProcessVariable<String> RIGHTS_REQUEST_RIGHT = ProcessVariable.string("rightsRequestRight");
    /** The reference of the data-subject request registered from the complaint (mirror for the diagram). */
    public static final ProcessVariable<String> LINKED_REQUEST_REFERENCE =
        ProcessVariable.string("linkedRequestReference");
    /** Form field of the triage: the complaint reveals a possible breach (CMP-1, BRE). */
    public static final ProcessVariable<Boolean> POSSIBLE_BREACH = ProcessVariable.bool("possibleBreach");
    /**
     * Form field of the triage: the breach the complaint reveals was reported already (a privacy officer links its
     * DL reference); otherwise the triage reports it at once through the breach intake (CMP-1, BRE-1).
     */
    public static final ProcessVariable<Boolean> BREACH_ALREADY_REPORTED = ProcessVariable.bool("breachAlreadyReported");
    /** The reference of the data breach reported from the complaint (mirror for the diagram). */
    public static final ProcessVariable<String> LINKED_BREACH_REFERENCE = ProcessVariable.string("linkedBreachReference");
    /** Form field of the triage: the complaint is about the decision on this request (LET-3 court route). */
    public static final ProcessVariable<String> ABOUT_REQUEST_REFERENCE =
        ProcessVariable.string("aboutRequestReference");
    /** UPHELD, PARTLY_UPHELD or NOT_UPHELD (mirror of the stored outcome, for the gateway). */
    public static final ProcessVariable<String> COMPLAINT_OUTCOME = ProcessVariable.string("complaintOutcome");
    /** The drafter of the answer (mirror; the four-eyes check reads privacy.four_eyes_step and the complaint). */
    public static final ProcessVariable<String> COMPLAINT_DRAFTER = ProcessVariable.string("complaintDrafter");
    public static final ProcessVariable<Boolean> ANSWER_APPROVED = ProcessVariable.bool("answerApproved");
    public static final ProcessVariable<String> BREACH_ASSESSMENT = ProcessVariable.string("breachAssessment");

    private Variables() {
    }
  }

  private ComplaintProcess() {
  }
}
