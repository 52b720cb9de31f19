package nl.ymere.privacy.security;

import java.util.Set;

/**
 * Variables only the product sets: the case's identity, its deadlines, who did a step, and the outcomes of the
 * product's own checks (DESIGN principle 9). They are never accepted from a start or a completion from outside,
 * even if a form declared one (a guard test keeps the forms free of them). Every other name from outside must be a
 * field of the submitted form ({@link EngineDoor}); this list is the second line for the names that matter most.
 */
final class ReservedVariables {

  static final Set<String> NAMES = Set.of(
      // the case and its deadlines
      "reference", "caseReference", "agreementReference", "dueDate", "internalTarget", "overdue", "paused",
      "feePending", "feeResponse", "rightProcess", "noticeKind", "liftNoticePeriod",
      // who requested, prepared, proposed, assessed or decided (the product's tables hold the truth; these mirror it)
      "requester", "signalReporter", "firstAssessor", "secondAssessor", "answerDrafter", "unfoundedProposer",
      "agreementPreparer", "accessReviewer", "erasureProposer", "reviewProposer", "reviewDecider",
      "objectionWeigher", "rectificationApplier", "rectificationApplyGroups", "restrictionRefusalDrafter",
      "lawfulnessChecker",
      // results of the product's own checks and models
      "checklistComplete", "missingElements", "legitimateInterest", "partyRole", "transferZone",
      "transferSafeguardsComplete", "riskBand", "tenantInformationPostponed", "refusalReason", "reviewDecision",
      "viewReceived");

  static boolean isReserved(String name) {
    return NAMES.contains(name);
  }

  private ReservedVariables() {
  }
}
