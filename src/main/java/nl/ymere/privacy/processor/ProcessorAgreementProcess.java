package nl.ymere.privacy.processor;

import nl.ymere.privacy.process.ProcessVariable;

/** Key, element ids, errors and variables of {@code processes/processor-agreement.bpmn} (issue 7, PRC rules). */
public final class ProcessorAgreementProcess {

  public static final String KEY = "processor-agreement";
  public static final String ROLE_DECISION_KEY = "processor-role";

  public static final class Elements {
    public static final String START = "StartEvent_PartyRegistered";
    public static final String CLASSIFY_ROLE = "Task_ClassifyRole";
    public static final String COMPLETE_PROCESSOR_CHECKLIST = "UserTask_CompleteProcessorChecklist";
    public static final String COMPLETE_COVENANT_CHECKLIST = "UserTask_CompleteCovenantChecklist";
    public static final String SEND_BACK_DRAFT = "Task_SendBackDraft";
    public static final String DOCUMENT_TRANSFER = "UserTask_DocumentTransferSafeguards";
    public static final String FG_TRANSFER_ADVICE = "UserTask_FgTransferAdvice";
    public static final String MANAGEMENT_TRANSFER_APPROVAL = "UserTask_ManagementTransferApproval";
    public static final String TRANSFER_REFUSED = "EndEvent_TransferRefused";
    public static final String APPROVE_AGREEMENT = "UserTask_ApproveAgreement";
    public static final String REGISTER_AGREEMENT = "Task_RegisterAgreement";
    public static final String LIFECYCLE = "SubProcess_AgreementInForce";
    public static final String TIMER_REVIEW = "Timer_ReviewDue";
    public static final String PERIODIC_REVIEW = "UserTask_PeriodicReview";
    public static final String TIMER_EXPIRY_REMINDER = "Timer_ExpiryReminder";
    public static final String TIMER_EXPIRED = "Timer_AgreementExpired";
    public static final String CONFIRM_RETURN_OR_DELETION = "UserTask_ConfirmReturnOrDeletion";
    public static final String AGREEMENT_ENDED = "EndEvent_AgreementEnded";

    private Elements() {
    }
  }

  public static final class Variables {
    public static final ProcessVariable<String> AGREEMENT_REFERENCE = ProcessVariable.string("agreementReference");
    /** DMN inputs of the role questionnaire (booleans about the party, not about persons). */
    public static final ProcessVariable<Boolean> ACTS_ON_INSTRUCTIONS = ProcessVariable.bool("actsOnInstructions");
    public static final ProcessVariable<Boolean> DECIDES_PURPOSES = ProcessVariable.bool("decidesPurposesAndMeans");
    public static final ProcessVariable<Boolean> JOINTLY_DETERMINES = ProcessVariable.bool("jointlyDetermines");
    public static final ProcessVariable<Boolean> PUBLIC_OR_PARTNER_BODY = ProcessVariable.bool("publicOrPartnerBody");
    public static final ProcessVariable<String> PARTY_ROLE = ProcessVariable.string("partyRole");
    public static final ProcessVariable<String> TRANSFER_ZONE = ProcessVariable.string("transferZone");
    public static final ProcessVariable<Boolean> CHECKLIST_COMPLETE = ProcessVariable.bool("checklistComplete");
    /** Codes of the missing checklist elements, comma separated (e.g. {@code D_SUB_PROCESSING}). */
    public static final ProcessVariable<String> MISSING_ELEMENTS = ProcessVariable.string("missingElements");
    /** Who completed the checklist: the first pair of eyes (four eyes, DESIGN principle 6). */
    public static final ProcessVariable<String> PREPARER = ProcessVariable.string("agreementPreparer");
    public static final ProcessVariable<Boolean> TRANSFER_SAFEGUARDS_COMPLETE =
        ProcessVariable.bool("transferSafeguardsComplete");
    public static final ProcessVariable<String> FG_ADVICE = ProcessVariable.string("fgAdvice");
    public static final ProcessVariable<Boolean> MANAGEMENT_APPROVED = ProcessVariable.bool("managementApproved");
    public static final ProcessVariable<Boolean> AGREEMENT_APPROVED = ProcessVariable.bool("agreementApproved");
    public static final ProcessVariable<String> REVIEW_OUTCOME = ProcessVariable.string("reviewOutcome");
    public static final ProcessVariable<String> END_ACTION = ProcessVariable.string("endAction");

    private Variables() {
    }
  }

  /** Values of {@code reviewOutcome}. */
  public static final String REVIEW_CONTINUE = "CONTINUE";
  public static final String REVIEW_TERMINATE = "TERMINATE";

  /** BPMN error a gate-guarded sending step throws when the gate refuses (caught by a boundary event). */
  public static final String SHARING_REFUSED_ERROR = "SHARING_REFUSED";

  private ProcessorAgreementProcess() {
  }
}
