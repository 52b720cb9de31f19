package nl.ymere.privacy.apinquiry;

import java.time.Period;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code privacy.ap-inquiry.*}.
 *
 * @param escalationWorkingDays how many working days before the AP's deadline the privacy officers and the FG are
 *     told that the answer is not out yet (issue 19 item 2; default 5, working days per DL-4/DL-5)
 * @param retention how long a closed inquiry file is kept as accountability evidence (RET-5; default two years)
 */
@ConfigurationProperties("privacy.ap-inquiry")
record ApInquiryProperties(Integer escalationWorkingDays, Period retention) {

  ApInquiryProperties {
    escalationWorkingDays = escalationWorkingDays == null ? 5 : escalationWorkingDays;
    retention = retention == null ? Period.ofYears(2) : retention;
  }
}
