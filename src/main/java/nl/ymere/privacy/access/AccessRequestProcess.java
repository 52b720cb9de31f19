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
    public static final String CHOOSE_DELIVERY = "UserTask_ChooseDelivery";
    public static final String PLAN_APPOINTMENT = "UserTask_PlanAppointment";
    public static final String HAND_OVER = "UserTask_HandOverDossier";
    public static final String SEND_DOWNLOAD_LINK = "Task_SendDownloadLink";
    public static final String LINK_EXPIRED = "Event_LinkExpired";
    public static final String HANDED_OVER = "EndEvent_DossierHandedOver";
    public static final String DOWNLOADED = "EndEvent_DossierDownloaded";
    public static final String DECLINED = "EndEvent_DeliveryDeclined";

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
    /** ACC-2: APPOINTMENT, ELECTRONIC or DECLINED ({@link DeliveryMethod}). */
    public static final ProcessVariable<String> DELIVERY_METHOD = ProcessVariable.string("deliveryMethod");
    /** ID-5: HANDED_OVER or NO_SHOW. */
    public static final ProcessVariable<String> APPOINTMENT_RESULT = ProcessVariable.string("appointmentResult");
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
