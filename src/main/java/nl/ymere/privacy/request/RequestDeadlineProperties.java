package nl.ymere.privacy.request;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code privacy.request.*}: DL-7 limit for a suspending question, DL-11 internal target and reminder offsets.
 *
 * @param suspensionQuestionLimitDays a question suspends the clock only when sent at most this many calendar days
 *     after the receipt date (DL-7)
 * @param internalTargetWorkingDays internal target this many working days before the legal date (DL-11)
 * @param reminderCalendarDays reminder to the handling group this many calendar days before the due date
 * @param escalationWorkingDays escalation to the privacy officers this many working days before the due date
 */
@ConfigurationProperties("privacy.request")
public record RequestDeadlineProperties(
    @DefaultValue("7") int suspensionQuestionLimitDays,
    @DefaultValue("5") int internalTargetWorkingDays,
    @DefaultValue("7") int reminderCalendarDays,
    @DefaultValue("2") int escalationWorkingDays) {
}
