package nl.ymere.privacy.security;

import static org.camunda.bpm.engine.authorization.Resources.APPLICATION;
import static org.camunda.bpm.engine.authorization.Resources.DECISION_DEFINITION;
import static org.camunda.bpm.engine.authorization.Resources.DEPLOYMENT;
import static org.camunda.bpm.engine.authorization.Resources.DECISION_REQUIREMENTS_DEFINITION;
import static org.camunda.bpm.engine.authorization.Resources.PROCESS_DEFINITION;
import static org.camunda.bpm.engine.authorization.Resources.PROCESS_INSTANCE;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resource;

/**
 * What each functional group may do in the engine (DESIGN principle 5: each process can be started and each
 * task seen only by its groups). Task access itself comes from candidate groups: the engine grants TASK_WORK
 * to the candidates of each task it creates ({@code defaultUserPermissionNameForTask}).
 *
 * <p>Read as a table: group, resource, resource id, permissions.
 */
final class GroupAuthorizations {

  record Grant(String groupId, Resource resource, String resourceId, Permission... permissions) {
  }

  // Process keys as DESIGN.md fixes them.
  static final String DATA_SUBJECT_REQUEST = "data-subject-request";
  static final String IDENTITY_VERIFICATION = "identity-verification";
  /** Per-right sub-processes of a request (issue 5), called from data-subject-request: monitored, never started. */
  static final String DSR_ACCESS = "dsr-access";
  static final String DSR_RECTIFICATION = "dsr-rectification";
  static final String DSR_ERASURE = "dsr-erasure";
  static final String DSR_RESTRICTION = "dsr-restriction";
  static final String DSR_PORTABILITY = "dsr-portability";
  static final String DSR_OBJECTION = "dsr-objection";
  static final String DSR_HUMAN_REVIEW = "dsr-human-review";
  static final String CAMERA_PROTOCOL = "camera-protocol";
  static final String CAMERA_FOOTAGE_REQUEST = "camera-footage-request";
  static final String PROCESSOR_AGREEMENT = "processor-agreement";
  static final String FRAUD_SIGNAL_ASSESSMENT = "fraud-signal-assessment";
  static final String RETENTION_SWEEP = "retention-sweep";
  static final String PRIVACY_COMPLAINT = "privacy-complaint";
  static final String DATA_BREACH = "data-breach";
  /** Compelled disclosures (issue 19, PRC-7): privacy officers only; the FG monitors. */
  static final String DISCLOSURE_DEMAND = "disclosure-demand";
  /** AP inquiries (issue 19 item 2, CMP-4): privacy officers register; the FG advises; management may approve. */
  static final String AP_INQUIRY = "ap-inquiry";
  /** Issue 20: started by the consent register on a withdrawal (system action), never from Tasklist. */
  static final String CONSENT_WITHDRAWAL = "consent-withdrawal";

  private static final Permission[] START = {
      Permissions.READ, ProcessDefinitionPermissions.CREATE_INSTANCE, ProcessDefinitionPermissions.READ_INSTANCE,
      ProcessDefinitionPermissions.READ_HISTORY};
  private static final Permission[] MONITOR = {
      Permissions.READ, ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.READ_HISTORY};

  static List<Grant> all() {
    List<Grant> grants = new ArrayList<>();
    for (String group : Groups.FUNCTIONAL) {
      grants.add(new Grant(group, APPLICATION, "tasklist", Permissions.ACCESS));
    }
    for (String group : List.of(Groups.PRIVACY_OFFICERS, Groups.FG)) {
      grants.add(new Grant(group, APPLICATION, "cockpit", Permissions.ACCESS));
    }
    // Starting a process needs CREATE on process instances plus CREATE_INSTANCE on its definition.
    for (String group : List.of(Groups.PRIVACY_DESK, Groups.PRIVACY_OFFICERS, Groups.FRAUD_ASSESSORS,
        Groups.FACILITY, Groups.PROCUREMENT)) {
      grants.add(new Grant(group, PROCESS_INSTANCE, "*", Permissions.CREATE));
    }
    start(grants, Groups.PRIVACY_DESK, DATA_SUBJECT_REQUEST, PRIVACY_COMPLAINT);
    // Data breaches (issue 18, BRE-1): every employee reports an incident at once, from the Tasklist start form.
    for (String group : Groups.FUNCTIONAL) {
      grants.add(new Grant(group, PROCESS_INSTANCE, "*", Permissions.CREATE));
      start(grants, group, DATA_BREACH);
    }
    monitor(grants, Groups.PRIVACY_DESK, IDENTITY_VERIFICATION);
    start(grants, Groups.PRIVACY_OFFICERS, DATA_SUBJECT_REQUEST, PRIVACY_COMPLAINT, DATA_BREACH, RETENTION_SWEEP,
        PROCESSOR_AGREEMENT);
    monitor(grants, Groups.PRIVACY_OFFICERS, IDENTITY_VERIFICATION, CAMERA_PROTOCOL, CAMERA_FOOTAGE_REQUEST,
        FRAUD_SIGNAL_ASSESSMENT);
    // Tasklist shows a task's process name and case reference only with READ on its definition and READ_INSTANCE
    monitor(grants, Groups.PRIVACY_DESK, DSR_ACCESS, DSR_RECTIFICATION, DSR_ERASURE, DSR_RESTRICTION, DSR_OBJECTION,
        DSR_PORTABILITY);
    monitor(grants, Groups.PRIVACY_OFFICERS, DSR_ACCESS, DSR_RECTIFICATION, DSR_ERASURE, DSR_RESTRICTION,
        DSR_OBJECTION, DSR_PORTABILITY);
    monitor(grants, Groups.FG, DSR_ACCESS, DSR_RECTIFICATION, DSR_ERASURE, DSR_RESTRICTION, DSR_OBJECTION,
        DSR_PORTABILITY);
    // the restricted-data teams apply corrections to their own items (dsr-rectification, SEC-1)
    monitor(grants, Groups.NUISANCE_TEAM, DSR_RECTIFICATION);
    monitor(grants, Groups.HOUSING_ADAPTATION, DSR_RECTIFICATION);
    // dsr-human-review: the desk links the decision; fraud assessors and privacy officers review it (ADM-6)
    monitor(grants, Groups.PRIVACY_DESK, DSR_HUMAN_REVIEW);
    monitor(grants, Groups.PRIVACY_OFFICERS, DSR_HUMAN_REVIEW);
    monitor(grants, Groups.FRAUD_ASSESSORS, DSR_HUMAN_REVIEW);
    monitor(grants, Groups.FG, DSR_HUMAN_REVIEW);
    // The FG monitors and advises, never decides (Art 38(6)): read-only everywhere.
    monitor(grants, Groups.FG, DATA_SUBJECT_REQUEST, IDENTITY_VERIFICATION, CAMERA_PROTOCOL,
        CAMERA_FOOTAGE_REQUEST, PROCESSOR_AGREEMENT, FRAUD_SIGNAL_ASSESSMENT, RETENTION_SWEEP, PRIVACY_COMPLAINT,
        DATA_BREACH);
    start(grants, Groups.PRIVACY_OFFICERS, DISCLOSURE_DEMAND);
    monitor(grants, Groups.FG, DISCLOSURE_DEMAND);
    start(grants, Groups.PRIVACY_OFFICERS, AP_INQUIRY);
    monitor(grants, Groups.FG, AP_INQUIRY);
    monitor(grants, Groups.MANAGEMENT, AP_INQUIRY);
    // consent-withdrawal (issue 20): the desk confirms the propagation steps, officers are told of late ones
    monitor(grants, Groups.PRIVACY_DESK, CONSENT_WITHDRAWAL);
    monitor(grants, Groups.PRIVACY_OFFICERS, CONSENT_WITHDRAWAL);
    monitor(grants, Groups.FG, CONSENT_WITHDRAWAL);
    start(grants, Groups.FRAUD_ASSESSORS, FRAUD_SIGNAL_ASSESSMENT);
    start(grants, Groups.FACILITY, CAMERA_PROTOCOL, CAMERA_FOOTAGE_REQUEST);
    start(grants, Groups.PROCUREMENT, PROCESSOR_AGREEMENT);
    monitor(grants, Groups.MANAGEMENT, CAMERA_PROTOCOL, PROCESSOR_AGREEMENT);
    // retention-sweep (issue 17): the owner groups review their part of the list in Tasklist
    monitor(grants, Groups.PRIVACY_DESK, RETENTION_SWEEP);
    monitor(grants, Groups.NUISANCE_TEAM, RETENTION_SWEEP);
    monitor(grants, Groups.HOUSING_ADAPTATION, RETENTION_SWEEP);
    monitor(grants, Groups.FACILITY, RETENTION_SWEEP);
    for (String group : List.of(Groups.PRIVACY_OFFICERS, Groups.FG)) {
      grants.add(new Grant(group, DECISION_DEFINITION, "*", Permissions.READ));
      grants.add(new Grant(group, DECISION_REQUIREMENTS_DEFINITION, "*", Permissions.READ));
    }
    // Process owners deploy an edited diagram from the Modeler (README "Deploying an edited diagram"): CREATE on
    // deployments, and READ to see what is deployed. They start, complete and change nothing else.
    grants.add(new Grant(Groups.PROCESS_OWNERS, DEPLOYMENT, "*", Permissions.CREATE, Permissions.READ));
    grants.add(new Grant(Groups.PROCESS_OWNERS, PROCESS_DEFINITION, "*", Permissions.READ));
    grants.add(new Grant(Groups.PROCESS_OWNERS, DECISION_DEFINITION, "*", Permissions.READ));
    return grants;
  }

  private static void start(List<Grant> grants, String group, String... processKeys) {
    for (String key : processKeys) {
      grants.add(new Grant(group, PROCESS_DEFINITION, key, START));
    }
  }

  private static void monitor(List<Grant> grants, String group, String... processKeys) {
    for (String key : processKeys) {
      grants.add(new Grant(group, PROCESS_DEFINITION, key, MONITOR));
    }
  }

  private GroupAuthorizations() {
  }
}
