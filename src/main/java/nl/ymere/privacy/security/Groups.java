package nl.ymere.privacy.security;

import java.util.List;

/** The functional groups of DESIGN.md "Who uses it"; Camunda group ids, also used as candidate groups. */
public final class Groups {

  public static final String ADMIN = "camunda-admin";
  public static final String PRIVACY_DESK = "privacy-desk";
  public static final String PRIVACY_OFFICERS = "privacy-officers";
  public static final String FG = "fg";
  public static final String FRAUD_ASSESSORS = "fraud-assessors";
  public static final String FACILITY = "facility";
  public static final String PROCUREMENT = "procurement";
  public static final String MANAGEMENT = "management";
  public static final String NUISANCE_TEAM = "nuisance-team";
  public static final String HOUSING_ADAPTATION = "housing-adaptation";
  /**
   * Process owners edit processes/*.bpmn in the Camunda Modeler and deploy a new version to the engine REST API
   * (DESIGN "Who uses it"); they work in no Tasklist.
   */
  public static final String PROCESS_OWNERS = "process-owners";

  /** Spring Security authority prefix for a Camunda group. */
  public static final String AUTHORITY_PREFIX = "GROUP_";

  public static final List<String> FUNCTIONAL =
      List.of(PRIVACY_DESK, PRIVACY_OFFICERS, FG, FRAUD_ASSESSORS, FACILITY, PROCUREMENT, MANAGEMENT,
          NUISANCE_TEAM, HOUSING_ADAPTATION);

  public static String authority(String groupId) {
    return AUTHORITY_PREFIX + groupId;
  }

  private Groups() {
  }
}
