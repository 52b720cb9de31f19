package nl.ymere.privacy.identity;

import nl.ymere.privacy.process.ProcessVariable;

/** Key, element ids, messages and variables of {@code processes/identity-verification.bpmn}. */
public final class IdentityVerificationProcess {

  public static final String KEY = "identity-verification";

  public static final class Elements {
    public static final String CHOOSE_METHOD = "UserTask_ChooseIdentityMethod";
    public static final String CHECK_CHALLENGE_CODE = "UserTask_CheckChallengeCode";
    public static final String CHECK_MASKED_COPY = "UserTask_CheckMaskedCopy";
    public static final String AWAIT_COPY = "Gateway_AwaitCopy";
    public static final String AWAIT_COPY_AFTER_REMINDER = "Gateway_AwaitCopyAfterReminder";
    public static final String TIMER_COPY_REMINDER = "Timer_CopyReminder";
    public static final String TIMER_NO_REPLY = "Timer_NoReply";
    public static final String TIMER_PURGE_UNCHECKED_COPY = "Timer_PurgeUncheckedCopy";
    public static final String IDENTITY_DECIDED = "EndEvent_IdentityDecided";

    private Elements() {
    }
  }

  public static final String MESSAGE_ID_COPY_RECEIVED = "IdCopyReceived";

  public static final class Variables {
    public static final ProcessVariable<String> REFERENCE = ProcessVariable.string("reference");
    public static final ProcessVariable<String> IDENTITY_METHOD = ProcessVariable.string("identityMethod");
    public static final ProcessVariable<String> IDENTITY_BASIS = ProcessVariable.string("identityBasis");
    public static final ProcessVariable<String> DOCUMENT_TYPE = ProcessVariable.string("documentType");
    public static final ProcessVariable<String> IDENTITY_RESULT = ProcessVariable.string("identityResult");
    /** Form fields moved out of the process at once (free text, codes typed by a person). */
    public static final String FIELD_DOUBT_REASON = "doubtReason";
    public static final String FIELD_CHALLENGE_CODE = "challengeCode";

    private Variables() {
    }
  }

  private IdentityVerificationProcess() {
  }
}
