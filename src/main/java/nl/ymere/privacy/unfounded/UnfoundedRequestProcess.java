package nl.ymere.privacy.unfounded;

import nl.ymere.privacy.process.ProcessVariable;

/**
 * The REQ-3 part of {@code processes/data-subject-request.bpmn} (issue 5 item 9): the non-interrupting event
 * sub-process {@code SubProcess_UnfoundedRequest}, started by a handler's proposal, in which a privacy officer who is
 * not the proposer decides (four eyes) while handling goes on; the interrupting {@code SubProcess_RequestEnded} that
 * closes a refused or withdrawn request; and the gate {@code CatchEvent_NoFeePending} before the right is handled.
 */
public final class UnfoundedRequestProcess {

  public static final class Elements {
    public static final String SUB_PROCESS = "SubProcess_UnfoundedRequest";
    public static final String CONFIRM = "UserTask_ConfirmUnfounded";
    public static final String SEND_REFUSAL = "Task_SendUnfoundedRefusal";
    public static final String SEND_FEE_NOTICE = "Task_SendFeeNotice";
    public static final String AWAIT_FEE_RESPONSE = "Gateway_AwaitFeeResponse";
    public static final String FEE_PERIOD_LAPSED = "Timer_FeePeriodLapsed";
    public static final String FEE_SETTLED = "EndEvent_FeeSettled";
    public static final String PROPOSAL_REJECTED = "EndEvent_ProposalRejected";
    public static final String REQUEST_ENDED = "SubProcess_RequestEnded";
    public static final String NO_FEE_PENDING = "CatchEvent_NoFeePending";

    private Elements() {
    }
  }

  public static final class Messages {
    /** Starts the event sub-process: a handler proposed (grounds in the product table). */
    public static final String PROPOSED = "UnfoundedRequestProposed";
    /** The person answered the fee notice (withdrawn, paid or narrowed). */
    public static final String FEE_RESPONSE = "FeeResponseReceived";

    private Messages() {
    }
  }

  public static final class Variables {
    public static final ProcessVariable<String> REFERENCE = ProcessVariable.string("reference");
    public static final ProcessVariable<String> OUTCOME = ProcessVariable.string("outcome");
    /** User id of the handler who proposed: the first pair of eyes. */
    public static final ProcessVariable<String> PROPOSER = ProcessVariable.string("unfoundedProposer");
    /** Form field of confirm-unfounded: {@link UnfoundedDecision} code. */
    public static final ProcessVariable<String> DECISION = ProcessVariable.string("unfoundedDecision");
    /** True from the fee notice until the person paid or narrowed: holds the handling of the right. */
    public static final ProcessVariable<Boolean> FEE_PENDING = ProcessVariable.bool("feePending");
    /** {@link FeeResponse} code carried by the FEE_RESPONSE message. */
    public static final ProcessVariable<String> FEE_RESPONSE = ProcessVariable.string("feeResponse");

    private Variables() {
    }
  }

  private UnfoundedRequestProcess() {
  }
}
