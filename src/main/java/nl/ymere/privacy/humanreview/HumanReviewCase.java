package nl.ymere.privacy.humanreview;

import java.time.Instant;

/** One row of {@code privacy.human_review} (view and reasons are free text: product table only, SEC-3). */
record HumanReviewCase(String reference, String signalReference, Instant viewDueAt, String viewText,
    Instant viewReceivedAt, Instant viewLapsedAt, String proposal, String proposalReasons, String proposedBy,
    Boolean proposalConfirmed, String decision, String decisionReasons, String decidedBy) {

  boolean viewReceived() {
    return viewReceivedAt != null;
  }
}
