package nl.ymere.privacy.camera;

import nl.ymere.privacy.process.ProcessVariable;

/** Key, element ids and variables of {@code processes/camera-footage-request.bpmn} (CAM-5, CAM-8). */
public final class FootageRequestProcess {

  public static final String KEY = "camera-footage-request";

  /** Who asks for footage. POLICE needs a written demand (PRC-7); DATA_SUBJECT_ACCESS gets others blurred (CAM-8). */
  public enum RequestType { POLICE, INSURER, INTERNAL_INCIDENT, DATA_SUBJECT_ACCESS }

  public enum LawfulBasis { POLICE_WRITTEN_DEMAND, LEGITIMATE_INTEREST_INCIDENT, LEGAL_CLAIMS, ACCESS_RIGHT }

  public static final class Elements {
    public static final String START = "StartEvent_FootageRequested";
    public static final String CHECK_LAWFULNESS = "UserTask_CheckLawfulness";
    public static final String RELEASE_FOOTAGE = "UserTask_ReleaseFootage";
    public static final String EXPORT_FOOTAGE = "Task_ExportFootage";
    public static final String PLACE_HOLD = "Task_PlaceIncidentHold";
    public static final String TIMER_HOLD_ENDS = "Timer_HoldEnds";
    public static final String RELEASE_HOLD = "Task_ReleaseIncidentHold";
    public static final String HOLD_RELEASED = "EndEvent_HoldReleased";
    public static final String REFUSED = "EndEvent_FootageRefused";

    private Elements() {
    }
  }

  public static final class Variables {
    public static final ProcessVariable<String> REFERENCE = ProcessVariable.string("reference");
    public static final ProcessVariable<String> CAMERA_REFERENCE = ProcessVariable.string("cameraReference");
    public static final ProcessVariable<String> REQUEST_TYPE = ProcessVariable.string("requestType");
    /** The officer who checked lawfulness (engine authentication): the release needs someone else. */
    public static final ProcessVariable<String> LAWFULNESS_CHECKER = ProcessVariable.string("lawfulnessChecker");
    public static final ProcessVariable<Boolean> LAWFUL = ProcessVariable.bool("lawful");
    public static final ProcessVariable<Boolean> RELEASE_APPROVED = ProcessVariable.bool("releaseApproved");

    private Variables() {
    }
  }

  private FootageRequestProcess() {
  }
}
