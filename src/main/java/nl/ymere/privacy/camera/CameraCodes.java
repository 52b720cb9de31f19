package nl.ymere.privacy.camera;

/** The codes of a camera protocol (forms, API and register use the same names). */
public final class CameraCodes {

  /** An office of the corporation or a residential complex (residents get a letter, CAM-8). */
  public enum LocationType { OFFICE, COMPLEX }

  public enum AreaType { ENTRANCE, HALL, STORAGE, PARKING, OUTDOOR }

  /** CAM-1: protect tenants, staff, visitors, property. */
  public enum Purpose { PROTECT_TENANTS, PROTECT_STAFF, PROTECT_VISITORS, PROTECT_PROPERTY }

  public enum Status { REQUESTED, REFUSED, ACTIVE, EXPIRED, REMOVED }

  /** Why a protocol ended without a camera. */
  public enum RefusalReason { BALANCING_FAILED, SUPERVISOR_OBJECTED, COVERT_NOT_APPROVED, NOT_APPROVED }

  public enum ReevaluationOutcome { CONTINUE, ADJUST, REMOVE }

  public enum SupervisorAnswer { PROCEED, PROCEED_WITH_MEASURES, DO_NOT_PROCEED }

  public enum ResidualRisk { LOW, MEDIUM, HIGH }

  /** The Dutch supervisor's list of processing that always needs a DPIA (Art 35(4), CAM-2), 17 types. */
  public enum ApCategory {
    COVERT_INVESTIGATION, BLACKLISTS, FRAUD_PREVENTION, CREDIT_SCORES, FINANCIAL_SITUATION, GENETIC_DATA, HEALTH_DATA,
    PARTNERSHIPS, LARGE_SCALE_CAMERA_SURVEILLANCE, FLEXIBLE_CAMERA_SURVEILLANCE, EMPLOYEE_MONITORING, LOCATION_DATA,
    COMMUNICATION_DATA, INTERNET_OF_THINGS, PROFILING, OBSERVING_INFLUENCING_BEHAVIOUR, BIOMETRICS
  }

  /** The nine WP248 criteria (CAM-2). */
  public enum Wp248Criterion {
    EVALUATION_SCORING, AUTOMATED_DECISION, SYSTEMATIC_MONITORING, SENSITIVE_DATA, LARGE_SCALE, MATCHING_DATASETS,
    VULNERABLE_SUBJECTS, INNOVATIVE_TECHNOLOGY, PREVENTS_EXERCISING_RIGHT
  }

  /** Outcome of {@code processes/dpia-screening.dmn}. */
  public enum DpiaOutcome { REQUIRED, FG_DECIDES, NOT_REQUIRED }

  private CameraCodes() {
  }
}
