package nl.ymere.privacy.complaint;

import java.time.Period;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code privacy.complaint.*}.
 *
 * @param answerTerm the term for the written answer from the receipt date (CMP-1; default one month, DL-2 month
 *     arithmetic, rolled forward per DL-3)
 * @param reminderWorkingDays how many working days before the due date the handlers are reminded (DL-11; default 5)
 * @param retention how long a closed complaint file is kept as accountability evidence (RET-5; default two years)
 */
@ConfigurationProperties("privacy.complaint")
record ComplaintProperties(Period answerTerm, Integer reminderWorkingDays, Period retention) {

  ComplaintProperties {
    answerTerm = answerTerm == null ? Period.ofMonths(1) : answerTerm;
    reminderWorkingDays = reminderWorkingDays == null ? 5 : reminderWorkingDays;
    retention = retention == null ? Period.ofYears(2) : retention;
  }
}
