package nl.ymere.privacy.breach;

import nl.ymere.privacy.process.ProcessVariable;

/** Key, element ids and variables of {@code processes/data-breach.bpmn} (BRE-1..BRE-4). */
public final class BreachProcess {

  public static final String KEY = "data-breach";
  /** The risk model {@code processes/breach-risk.dmn} (BRE-3, COLLECT: each matched rule a risk and a reason). */
  public static final String RISK_DECISION = "breach-risk";

  public static final class Elements {
    public static final String START = "StartEvent_BreachReported";
    public static final String RECORD_AWARENESS = "UserTask_RecordAwareness";
    public static final String NOTIFICATION_PHASE = "SubProcess_NotificationPhase";
    public static final String ASSESS_RISK = "UserTask_AssessRisk";
    public static final String EVALUATE_RISK = "Task_EvaluateRisk";
    public static final String ADVISE_RISK = "UserTask_AdviseRisk";
    public static final String DECIDE_RISK = "UserTask_DecideRisk";
    public static final String CONFIRM_RISK = "UserTask_ConfirmRisk";
    public static final String NOTIFY_AP = "UserTask_NotifyAp";
    public static final String TIMER_ALERT_24H = "Timer_Alert24h";
    public static final String TIMER_ALERT_48H = "Timer_Alert48h";
    public static final String TIMER_ALERT_66H = "Timer_Alert66h";
    public static final String TIMER_DEADLINE = "Timer_Deadline72h";
    public static final String CHECK_PERSONS_EXEMPTION = "Task_CheckPersonsExemption";
    public static final String INFORM_PERSONS = "UserTask_InformPersons";
    public static final String CLOSE = "Task_CloseBreach";
    public static final String CLOSED = "EndEvent_BreachClosed";
    public static final String FOLLOW_UP_PROCESSOR = "UserTask_FollowUpProcessor";

    private Elements() {
    }
  }

  public static final class Variables {
    public static final ProcessVariable<String> REFERENCE = ProcessVariable.string("reference");
    /** The officer who decided the risk: mirrors privacy.four_eyes_step for the diagram (never read to decide). */
    public static final ProcessVariable<String> RISK_DECIDER = ProcessVariable.string("riskDecider");
    /** The model's proposal (NO_RISK, RISK, HIGH_RISK); its reasons are in privacy.breach_risk_reason. */
    public static final ProcessVariable<String> RISK_PROPOSAL = ProcessVariable.string("riskProposal");
    /** The confirmed decision, copied from privacy.breach when the second officer confirms. */
    public static final ProcessVariable<String> RISK_DECISION = ProcessVariable.string("riskDecision");
    public static final ProcessVariable<Boolean> RISK_CONFIRMED = ProcessVariable.bool("riskConfirmed");
    public static final ProcessVariable<Boolean> NOTIFICATION_COMPLETE = ProcessVariable.bool("notificationComplete");
    public static final ProcessVariable<Boolean> PERSONS_EXEMPT = ProcessVariable.bool("personsExempt");
    public static final ProcessVariable<Boolean> OVERDUE = ProcessVariable.bool("overdue");
    /** PRC-2: set only when a processor reported after its notice period; opens the follow-up task. */
    public static final ProcessVariable<Boolean> PROCESSOR_REPORT_LATE = ProcessVariable.bool("processorReportLate");

    private Variables() {
    }
  }

  private BreachProcess() {
  }
}
