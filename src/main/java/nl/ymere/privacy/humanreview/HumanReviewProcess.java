package nl.ymere.privacy.humanreview;

import nl.ymere.privacy.process.ProcessVariable;

/**
 * {@code processes/dsr-human-review.bpmn}: the human-review sub-process of a data-subject request (Art 22(3) AVG,
 * UAVG art 40; issue 5, build item 8; ADM-2, ADM-3, ADM-6, LET-3). Input: {@code reference}, {@code dueDate},
 * {@code internalTarget}. Output: {@code outcome} (GRANTED when the new decision is favourable, PARTIALLY_GRANTED
 * when the review was done but the decision stays unfavourable).
 */
public final class HumanReviewProcess {

  public static final String KEY = "dsr-human-review";

  public static final class Elements {
    public static final String LINK_DECISION = "UserTask_LinkDecision";
    public static final String INVITE_VIEW = "Task_InviteView";
    public static final String RECORD_VIEW = "UserTask_RecordView";
    public static final String VIEW_PERIOD_LAPSED = "Timer_ViewPeriodLapsed";
    public static final String RECORD_NO_VIEW = "Task_RecordNoView";
    public static final String PROPOSE_DECISION = "UserTask_ProposeDecision";
    public static final String CONFIRM_DECISION = "UserTask_ConfirmDecision";
    public static final String SEND_LETTER = "Task_SendReviewLetter";
    public static final String REVIEWED = "EndEvent_ReviewAnswered";

    private Elements() {
    }
  }

  /** References, codes and user ids only (SEC-3); all on the history allow-list. */
  public static final class Variables {
    public static final ProcessVariable<String> REFERENCE = ProcessVariable.string("reference");
    public static final ProcessVariable<String> OUTCOME = ProcessVariable.string("outcome");
    /** Form field of link-automated-decision and afterwards the checked reference of the fraud signal. */
    public static final ProcessVariable<String> SIGNAL_REFERENCE = ProcessVariable.string("signalReference");
    /** Form field of propose-human-review and afterwards the proposal: INVESTIGATE or DISMISS. */
    public static final ProcessVariable<String> PROPOSAL = ProcessVariable.string("reviewProposal");
    /** The first reviewer (ADM-6), from the engine authentication: the four-eyes first user. */
    public static final ProcessVariable<String> PROPOSER = ProcessVariable.string("reviewProposer");
    /** Form field of confirm-human-review: the second reviewer confirms (true) or overturns (false). */
    public static final ProcessVariable<Boolean> PROPOSAL_CONFIRMED = ProcessVariable.bool("reviewProposalConfirmed");
    public static final ProcessVariable<String> REVIEWER = ProcessVariable.string("reviewDecider");
    /** The new decision: INVESTIGATE or DISMISS. */
    public static final ProcessVariable<String> DECISION = ProcessVariable.string("reviewDecision");
    public static final ProcessVariable<Boolean> VIEW_RECEIVED = ProcessVariable.bool("viewReceived");
    /** Free-text form fields: moved into privacy.human_review and removed from the process at once. */
    static final String FIELD_TENANCY_NUMBER = "tenancyNumber";
    static final String FIELD_VIEW_TEXT = "viewText";
    static final String FIELD_PROPOSAL_REASONS = "proposalReasons";
    static final String FIELD_DECISION_REASONS = "decisionReasons";

    private Variables() {
    }
  }

  private HumanReviewProcess() {
  }
}
