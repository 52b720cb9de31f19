package nl.ymere.privacy.portability;

import nl.ymere.privacy.process.ProcessVariable;

/**
 * {@code processes/dsr-portability.bpmn}: the portability sub-process of a data-subject request (issue 5, build item
 * 7; POR-1..3). Input: {@code reference}, {@code dueDate}, {@code internalTarget}. Output: {@code outcome}. Variables
 * hold codes, counts and user ids only (SEC-3): the items and the file live in the {@code portability_*} tables.
 */
public final class PortabilityProcess {

  public static final String KEY = "dsr-portability";

  public static final class Elements {
    public static final String CONFIRM_SEARCH = "UserTask_ConfirmPortabilitySearch";
    public static final String SELECT_ITEMS = "Task_SelectPortableItems";
    public static final String COMPILE_EXPORT = "Task_CompileExport";
    public static final String REVIEW_EXPORT = "UserTask_ReviewExport";
    public static final String TRANSFER_EXPORT = "UserTask_TransferExport";
    public static final String SEND_LETTER = "Task_SendPortabilityLetter";
    public static final String EXPLAIN_AS_ACCESS = "Task_ExplainAnswerAsAccess";
    public static final String ANSWER_AS_ACCESS = "CallActivity_AnswerAsAccess";
    public static final String ANSWERED = "EndEvent_PortabilityAnswered";
    public static final String ANSWERED_AS_ACCESS = "EndEvent_AnsweredAsAccess";

    private Elements() {
    }
  }

  public static final class Variables {
    public static final ProcessVariable<String> REFERENCE = ProcessVariable.string("reference");
    public static final ProcessVariable<String> OUTCOME = ProcessVariable.string("outcome");
    /** Form field of portability-search: JSON (default) or CSV (POR-3). */
    public static final ProcessVariable<String> EXPORT_FORMAT = ProcessVariable.string("exportFormat");
    /** Form field of portability-search: OFFICE or SECURE_ELECTRONIC (ID-5). */
    public static final ProcessVariable<String> DELIVERY_ROUTE = ProcessVariable.string("deliveryRoute");
    /** Form field of portability-search: the person asked for a direct transfer to another organisation. */
    public static final ProcessVariable<Boolean> DIRECT_TRANSFER = ProcessVariable.bool("directTransfer");
    /** Form field of review-portability-export. */
    public static final ProcessVariable<Boolean> EXPORT_APPROVED = ProcessVariable.bool("exportApproved");
    /** Form field of transfer-portability-export: the transfer could be done (Art 20(2) "technically feasible"). */
    public static final ProcessVariable<Boolean> TRANSFER_FEASIBLE = ProcessVariable.bool("transferFeasible");
    /** Form field of transfer-portability-export: the organisation's address was verified (POR-3). */
    public static final ProcessVariable<Boolean> ADDRESS_VERIFIED = ProcessVariable.bool("addressVerified");
    public static final String PORTABLE_COUNT = "portableItemCount";
    public static final String EXCLUDED_COUNT = "excludedItemCount";
    static final String FIELD_TENANCY_NUMBER = "tenancyNumber";
    static final String FIELD_ORGANISATION = "organisationName";
    static final String FIELD_ADDRESS = "organisationAddress";

    private Variables() {
    }
  }

  private PortabilityProcess() {
  }
}
