package nl.ymere.privacy.access;

import nl.ymere.privacy.process.ProcessVariable;

/** Key, element ids and variables of {@code processes/dsr-access.bpmn} (right of access, rules ACC). */
public final class AccessRequestProcess {

  public static final String KEY = "dsr-access";

  public static final class Elements {
    public static final String CONFIRM_SEARCH = "UserTask_ConfirmSearch";
    public static final String COLLECT_ITEMS = "Task_CollectItems";
    public static final String REVIEW_ITEMS = "UserTask_ReviewItems";
    public static final String APPROVE_EXEMPTIONS = "UserTask_ApproveExemptions";
    public static final String COMPILE_DOSSIER = "Task_CompileDossier";
    public static final String SEND_LETTER = "Task_SendAccessLetter";
    public static final String ANSWERED = "EndEvent_AccessAnswered";

    private Elements() {
    }
  }

  /** References, counts, codes and user ids only (DESIGN principle 2); all on the history allow-list. */
  public static final class Variables {
    public static final ProcessVariable<String> REFERENCE = ProcessVariable.string("reference");
    /** Output of the sub-process: GRANTED, PARTIALLY_GRANTED or NO_DATA. */
    public static final ProcessVariable<String> OUTCOME = ProcessVariable.string("outcome");
    /** The first pair of eyes (ACC-4): who completed the review, from the engine authentication. */
    public static final ProcessVariable<String> ACCESS_REVIEWER = ProcessVariable.string("accessReviewer");
    public static final ProcessVariable<Boolean> EXEMPTIONS_APPROVED = ProcessVariable.bool("exemptionsApproved");
    static final String ITEM_COUNT = "accessItemCount";
    static final String INCLUDED = "itemsIncluded";
    static final String REDACTED = "itemsRedacted";
    static final String WITHHELD = "itemsWithheld";

    private Variables() {
    }
  }

  private AccessRequestProcess() {
  }
}
