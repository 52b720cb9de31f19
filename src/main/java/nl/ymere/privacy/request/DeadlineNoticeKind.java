package nl.ymere.privacy.request;

/** The notices of the deadline watch (issue 4: reminder 7 days before, escalations 2 working days before and on). */
public enum DeadlineNoticeKind {
  REMINDER, ESCALATION_BEFORE, ESCALATION_DUE
}
