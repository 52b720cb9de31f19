package nl.ymere.privacy.access;

import java.time.LocalTime;
import java.time.Period;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code privacy.access.*} (dsr-access).
 *
 * @param exemptionReviewPeriod ACC-4: a temporary exemption ground is reviewed this long after the decision (default
 *     3 months)
 * @param linkValidity ID-5: how long a download link of an electronic delivery works (default 14 days)
 * @param maxDownloads how often the dossier can be downloaded with one link (default 3)
 * @param maxCodeAttempts wrong one-time codes before the link is blocked (default 5)
 * @param officeOpens earliest appointment time at the desk (default 09:00, Amsterdam time)
 * @param officeCloses latest appointment start at the desk (default 16:30)
 * @param publicBaseUrl base of the download link in the e-mail
 */
@ConfigurationProperties("privacy.access")
record AccessProperties(
    @DefaultValue("P3M") Period exemptionReviewPeriod,
    @DefaultValue("P14D") Period linkValidity,
    @DefaultValue("3") int maxDownloads,
    @DefaultValue("5") int maxCodeAttempts,
    @DefaultValue("09:00") LocalTime officeOpens,
    @DefaultValue("16:30") LocalTime officeCloses,
    @DefaultValue("http://localhost:8080") String publicBaseUrl) {
}
