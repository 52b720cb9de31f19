package nl.ymere.privacy.consent;

/** Key, element ids and variables of {@code processes/consent-withdrawal.bpmn} (CON-2, issue 20). */
public final class ConsentWithdrawalProcess {

  public static final String KEY = "consent-withdrawal";

  public static final class Elements {
    public static final String START = "StartEvent_ConsentWithdrawn";
    public static final String PROPAGATE = "SubProcess_PropagateWithdrawal";
    public static final String CONFIRM_PROPAGATION = "Task_ConfirmPropagation";
    public static final String TIMER_LATE = "Timer_PropagationLate";
    public static final String ESCALATE = "Task_EscalateLatePropagation";
    public static final String PREPARE_ERASURE_LIST = "Task_PrepareErasureList";
    public static final String APPROVE_ERASURE_LIST = "Task_ApproveErasureList";
    public static final String ERASE = "Task_EraseConsentOnlyData";
    public static final String CONFIRM_TO_PERSON = "Task_SendWithdrawalConfirmation";
    public static final String END = "EndEvent_WithdrawalPropagated";

    private Elements() {
    }
  }

  public static final class Variables {
    /** The consent reference (TST-yyyy-nnnnnn), also the business key. */
    public static final String REFERENCE = "reference";
    /** Multi-instance element: the id of one propagation step (a number, never a name). */
    public static final String PROPAGATION_STEP = "propagationStep";
    /** The form field of the confirmation task. */
    public static final String PROPAGATION_CONFIRMED = "propagationConfirmed";
    /** The form field of the erasure list's approval (four eyes, item 7). */
    public static final String ERASURE_LIST_APPROVED = "erasureListApproved";

    private Variables() {
    }
  }

  private ConsentWithdrawalProcess() {
  }
}
