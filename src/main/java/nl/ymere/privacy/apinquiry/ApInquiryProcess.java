package nl.ymere.privacy.apinquiry;

import nl.ymere.privacy.process.ProcessVariable;

/** Key, element ids and variables of {@code processes/ap-inquiry.bpmn} (issue 19 item 2; CMP-4, RET-4). */
public final class ApInquiryProcess {

  public static final String KEY = "ap-inquiry";

  public static final class Elements {
    public static final String START = "StartEvent_InquiryReceived";
    public static final String PLACE_LEGAL_HOLD = "Task_PlaceLegalHold";
    public static final String ANSWERING = "SubProcess_Answering";
    public static final String DRAFT_ANSWER = "UserTask_DraftAnswer";
    public static final String FG_ADVICE = "UserTask_FgAdvice";
    public static final String APPROVE_ANSWER = "UserTask_ApproveAnswer";
    public static final String TIMER_ESCALATION = "Timer_ApDeadlineNear";
    public static final String ESCALATE = "Task_EscalateDeadline";
    public static final String RECORD_ANSWER_SENT = "Task_RecordAnswerSent";
    public static final String RECORD_CLOSURE = "UserTask_RecordClosure";
    public static final String RELEASE_LEGAL_HOLD = "UserTask_ReleaseLegalHold";
    public static final String CLOSED = "EndEvent_InquiryClosed";

    private Elements() {
    }
  }

  /** References, codes, booleans and user ids only (DESIGN principle 2, SEC-3). */
  public static final class Variables {
    public static final ProcessVariable<String> INQUIRY_REFERENCE = ProcessVariable.string("inquiryReference");
    /** The drafter of the answer (mirror; the four-eyes check reads privacy.ap_inquiry). */
    public static final ProcessVariable<String> INQUIRY_DRAFTER = ProcessVariable.string("apInquiryDrafter");
    public static final ProcessVariable<Boolean> INQUIRY_ANSWER_APPROVED =
        ProcessVariable.bool("apInquiryAnswerApproved");

    private Variables() {
    }
  }

  private ApInquiryProcess() {
  }
}
