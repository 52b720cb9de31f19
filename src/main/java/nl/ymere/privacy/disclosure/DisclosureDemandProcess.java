package nl.ymere.privacy.disclosure;

import nl.ymere.privacy.process.ProcessVariable;

/** Key, element ids and variables of {@code processes/disclosure-demand.bpmn} (issue 19 item 3; PRC-7). */
public final class DisclosureDemandProcess {

  public static final String KEY = "disclosure-demand";
  /** The purpose under which the sharing gate must find the recipient's registration (covenant) in force. */
  public static final String PURPOSE = "COMPELLED_DISCLOSURE";

  public static final class Elements {
    public static final String CHECK_DEMAND = "UserTask_VerifyRequesterAndBasis";
    public static final String SEND_REFUSAL = "Task_SendRefusal";
    public static final String REFUSED = "EndEvent_DemandRefused";
    public static final String SELECT_ITEMS = "UserTask_SelectMinimumItems";
    public static final String APPROVE_DISCLOSURE = "UserTask_ApproveDisclosure";
    public static final String DISCLOSE = "Task_DiscloseThroughGate";
    public static final String TIMER_DEFERRAL_REVIEW = "Timer_DeferralReview";
    public static final String REVIEW_DEFERRAL = "UserTask_ReviewDeferral";
    public static final String NOTIFY_PERSON = "Task_NotifyPerson";
    public static final String DISCLOSED = "EndEvent_Disclosed";

    private Elements() {
    }
  }

  /** References, codes, booleans and user ids only (DESIGN principle 2, SEC-3). */
  public static final class Variables {
    public static final ProcessVariable<String> DEMAND_REFERENCE = ProcessVariable.string("demandReference");
    public static final ProcessVariable<Boolean> DEMAND_VALID = ProcessVariable.bool("demandValid");
    public static final ProcessVariable<String> DISCLOSURE_SELECTOR = ProcessVariable.string("disclosureSelector");
    public static final ProcessVariable<Boolean> DISCLOSURE_APPROVED = ProcessVariable.bool("disclosureApproved");
    public static final ProcessVariable<Boolean> NOTICE_DEFERRED = ProcessVariable.bool("noticeDeferred");

    private Variables() {
    }
  }

  private DisclosureDemandProcess() {
  }
}
