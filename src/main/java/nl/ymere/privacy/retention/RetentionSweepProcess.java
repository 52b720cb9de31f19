package nl.ymere.privacy.retention;

import nl.ymere.privacy.process.ProcessVariable;

/** Key, element ids and variables of {@code processes/retention-sweep.bpmn} (issue 17 item 2; RET-3, RET-4). */
public final class RetentionSweepProcess {

  public static final String KEY = "retention-sweep";
  /** The message of the on-demand start event (a privacy officer, POST /api/retention-sweeps). */
  public static final String START_MESSAGE = "RetentionSweepRequested";

  public static final class Elements {
    public static final String START_MONTHLY = "StartEvent_Monthly";
    public static final String START_ON_DEMAND = "StartEvent_OnDemand";
    public static final String BUILD_LIST = "Task_BuildDestructionList";
    public static final String REVIEW_PART = "UserTask_ReviewOwnerPart";
    public static final String APPROVE_LIST = "UserTask_ApproveDestructionList";
    public static final String DESTROY_ITEMS = "Task_DestroyItems";
    public static final String ISSUE_CERTIFICATE = "Task_IssueCertificate";
    public static final String NOTHING_DUE = "EndEvent_NothingDue";
    public static final String REJECTED = "EndEvent_ListRejected";
    public static final String DESTROYED = "EndEvent_ItemsDestroyed";

    private Elements() {
    }
  }

  public static final class Variables {
    /** The sweep's reference, e.g. BEW-2026-0001 (also the business key). */
    public static final ProcessVariable<String> REFERENCE = ProcessVariable.string("reference");
    /** Whether the list has lines to destroy or anonymise (mirror for the diagram; the service decides). */
    public static final ProcessVariable<Boolean> DESTRUCTION_DUE = ProcessVariable.bool("destructionDue");
    /** The multi-instance element: the owner group whose part is reviewed. */
    public static final ProcessVariable<String> OWNER_GROUP = ProcessVariable.string("ownerGroup");
    /** The approver's decision (form field); the product table holds the decision that counts. */
    public static final ProcessVariable<Boolean> DESTRUCTION_APPROVED = ProcessVariable.bool("destructionApproved");

    private Variables() {
    }
  }

  private RetentionSweepProcess() {
  }
}
