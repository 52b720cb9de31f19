package nl.ymere.privacy.erasure;

import nl.ymere.privacy.process.ProcessVariable;

/**
 * {@code processes/dsr-erasure.bpmn}: the erasure sub-process of a data-subject request (issue 5, build item 4; ERA
 * rules), called with business key = request reference and the variables {@code reference}, {@code dueDate},
 * {@code internalTarget}; sets {@code outcome} before it ends.
 */
public final class ErasureProcess {

  public static final String KEY = "dsr-erasure";

  public static final class Elements {
    public static final String COLLECT_ITEMS = "Task_CollectItems";
    public static final String PROPOSE_ERASURE_LIST = "UserTask_ProposeErasureList";
    public static final String CONFIRM_ERASURE_LIST = "UserTask_ConfirmErasureList";
    public static final String EXECUTE_ERASURE = "Task_ExecuteErasure";
    public static final String REMOVE_OTHER_HISTORY = "Task_RemoveOtherHistory";
    public static final String SEND_ERASURE_LETTER = "Task_SendErasureLetter";
    public static final String END = "EndEvent_ErasureHandled";

    private Elements() {
    }
  }

  public static final class Variables {
    public static final ProcessVariable<String> REFERENCE = ProcessVariable.string("reference");
    public static final ProcessVariable<String> OUTCOME = ProcessVariable.string("outcome");
    /** The handler who proposed the list: the first pair of eyes (ERA-4), from the engine authentication. */
    public static final ProcessVariable<String> ERASURE_PROPOSER = ProcessVariable.string("erasureProposer");
    /** The second user's verdict on the list (form field of confirm-erasure-list). */
    public static final ProcessVariable<Boolean> ERASURE_LIST_CONFIRMED =
        ProcessVariable.bool("erasureListConfirmed");
    /** Form fields moved into the product table and removed from the process (DESIGN principle 2). */
    static final String FIELD_TENANCY_NUMBER = "tenancyNumber";
    static final String FIELD_ITEM_DECISIONS = "itemDecisions";
    static final String FIELD_RECIPIENT_EXCEPTIONS = "recipientExceptions";

    private Variables() {
    }
  }

  private ErasureProcess() {
  }
}
