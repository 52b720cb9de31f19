package nl.ymere.privacy.fraud;

import nl.ymere.privacy.process.ProcessVariable;

/** Key, element ids and variables of {@code processes/fraud-signal-assessment.bpmn} and its model. */
public final class FraudSignalProcess {

  public static final String KEY = "fraud-signal-assessment";
  /** The risk model (processes/fraud-risk.dmn): COLLECT table of points and reasons, and the band per score. */
  public static final String RISK_DECISION = "fraud-risk";
  public static final String BAND_DECISION = "fraud-risk-band";

  public static final class Elements {
    public static final String START = "StartEvent_SignalReceived";
    public static final String EVALUATE_MODEL = "Task_EvaluateRiskModel";
    public static final String FIRST_ASSESSMENT = "UserTask_FirstAssessment";
    public static final String SECOND_ASSESSMENT = "UserTask_SecondAssessment";
    public static final String OPEN_INVESTIGATION = "Task_OpenInvestigation";
    public static final String TIMER_POSTPONEMENT_REVIEW = "Timer_PostponementReview";
    public static final String REVIEW_POSTPONEMENT = "UserTask_ReviewPostponement";
    public static final String INFORM_TENANT = "Task_InformTenant";
    public static final String INVESTIGATION_OPENED = "EndEvent_InvestigationOpened";
    public static final String RECORD_DISMISSAL = "Task_RecordDismissal";
    public static final String TIMER_DELETION = "Timer_DeletionDue";
    public static final String DELETE_SIGNAL_DATA = "Task_DeleteSignalData";
    public static final String SIGNAL_DELETED = "EndEvent_SignalDataDeleted";

    private Elements() {
    }
  }

  /** References, codes and user ids only (DESIGN principle 2, SEC-3); all on the history allow-list. */
  public static final class Variables {
    public static final ProcessVariable<String> SIGNAL_REFERENCE = ProcessVariable.string("signalReference");
    /** The only model output in the process (LOW, MEDIUM, HIGH); score, inputs and reasons stay in the tables. */
    public static final ProcessVariable<String> RISK_BAND = ProcessVariable.string("riskBand");
    /** The employee who reported the signal, if any: may assess neither step (ADM-2). */
    public static final ProcessVariable<String> SIGNAL_REPORTER = ProcessVariable.string("signalReporter");
    public static final ProcessVariable<String> FIRST_ASSESSOR = ProcessVariable.string("firstAssessor");
    /** Form field of both assessments and the first assessor's proposal afterwards: INVESTIGATE or DISMISS. */
    public static final ProcessVariable<String> FRAUD_PROPOSAL = ProcessVariable.string("fraudProposal");
    public static final ProcessVariable<String> SECOND_ASSESSOR = ProcessVariable.string("secondAssessor");
    /** The decision: the second assessor's choice (confirming or overturning the proposal). */
    public static final ProcessVariable<String> FRAUD_DECISION = ProcessVariable.string("fraudDecision");
    public static final ProcessVariable<Boolean> TENANT_INFORMATION_POSTPONED =
        ProcessVariable.bool("tenantInformationPostponed");
    public static final ProcessVariable<String> CASE_REFERENCE = ProcessVariable.string("caseReference");

    private Variables() {
    }
  }

  public static final String INVESTIGATE = "INVESTIGATE";
  public static final String DISMISS = "DISMISS";

  private FraudSignalProcess() {
  }
}
