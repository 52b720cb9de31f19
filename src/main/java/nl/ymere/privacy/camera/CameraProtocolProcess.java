package nl.ymere.privacy.camera;

import nl.ymere.privacy.process.ProcessVariable;

/** Key, element ids and variables of {@code processes/camera-protocol.bpmn} (CAM-1..CAM-8). */
public final class CameraProtocolProcess {

  public static final String KEY = "camera-protocol";
  /** The decision requirements diagram {@code processes/dpia-screening.dmn} (CAM-2). */
  public static final String DPIA_DECISION = "dpia-screening";
  public static final String DPIA_AP_DECISION = "dpia-ap-categories";
  public static final String DPIA_WP248_DECISION = "dpia-wp248-criteria";

  public static final class Elements {
    public static final String START = "StartEvent_PlacementRequested";
    public static final String ASSESS_LEGITIMATE_INTEREST = "UserTask_AssessLegitimateInterest";
    public static final String ADVISE_LEGITIMATE_INTEREST = "UserTask_AdviseLegitimateInterest";
    public static final String SCREEN_DPIA = "UserTask_ScreenDpia";
    public static final String EVALUATE_DPIA_SCREENING = "Task_EvaluateDpiaScreening";
    public static final String DECIDE_DPIA_NEED = "UserTask_DecideDpiaNeed";
    public static final String WRITE_DPIA = "UserTask_WriteDpia";
    public static final String ADVISE_DPIA = "UserTask_AdviseDpia";
    public static final String REVIEW_DPIA = "UserTask_ReviewDpia";
    public static final String RECORD_SUPERVISOR_ANSWER = "UserTask_RecordSupervisorAnswer";
    public static final String APPROVE_COVERT = "UserTask_ApproveCovertCamera";
    public static final String APPROVE_CAMERA = "UserTask_ApproveCamera";
    public static final String CONFIRM_SIGNAGE = "UserTask_ConfirmSignage";
    public static final String INFORM_RESIDENTS = "Task_InformResidents";
    public static final String REGISTER_CAMERA = "Task_RegisterCamera";
    public static final String TIMER_COVERT_END = "Timer_CovertEndDate";
    public static final String TIMER_REVIEW_DUE = "Timer_ReviewDue";
    public static final String REEVALUATE_CAMERA = "UserTask_ReevaluateCamera";
    public static final String TIMER_REEVALUATION_ESCALATION = "Timer_ReevaluationEscalation";
    public static final String TIMER_PROTOCOL_EXPIRED = "Timer_ProtocolExpired";
    public static final String SWITCH_OFF_CAMERA = "UserTask_SwitchOffCamera";
    public static final String REFUSED = "EndEvent_ProtocolRefused";
    public static final String REMOVED = "EndEvent_CameraRemoved";

    private Elements() {
    }
  }

  public static final class Variables {
    public static final ProcessVariable<String> REFERENCE = ProcessVariable.string("reference");
    /** The facility user who filed the request (from the engine authentication): four eyes for approval (CAM-4). */
    public static final ProcessVariable<String> REQUESTER = ProcessVariable.string("requester");
    public static final ProcessVariable<Boolean> COVERT = ProcessVariable.bool("covert");
    public static final ProcessVariable<String> LOCATION_TYPE = ProcessVariable.string("locationType");
    /** PASSED or FAILED: necessity, subsidiarity and balancing (CAM-1). */
    public static final ProcessVariable<String> LEGITIMATE_INTEREST = ProcessVariable.string("legitimateInterest");
    public static final ProcessVariable<Boolean> DPIA_NEEDED = ProcessVariable.bool("dpiaNeeded");
    public static final ProcessVariable<Boolean> DPIA_ACCEPTED = ProcessVariable.bool("dpiaAccepted");
    public static final ProcessVariable<Boolean> HIGH_RESIDUAL_RISK = ProcessVariable.bool("highResidualRisk");
    public static final ProcessVariable<String> SUPERVISOR_ANSWER = ProcessVariable.string("supervisorAnswer");
    public static final ProcessVariable<Boolean> COVERT_APPROVED = ProcessVariable.bool("covertApproved");
    public static final ProcessVariable<Boolean> CAMERA_APPROVED = ProcessVariable.bool("cameraApproved");
    public static final ProcessVariable<String> REEVALUATION_OUTCOME = ProcessVariable.string("reevaluationOutcome");
    public static final ProcessVariable<String> REFUSAL_REASON = ProcessVariable.string("refusalReason");

    private Variables() {
    }
  }

  private CameraProtocolProcess() {
  }
}
