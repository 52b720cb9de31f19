package nl.ymere.privacy.identity;

import java.time.Duration;
import java.time.Period;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code privacy.identity.*}.
 *
 * @param copyRetention an uploaded but unchecked masked ID copy is purged after this time (ID-4, default 72 hours)
 * @param copyReminderAfter reminder when no copy arrived this long after the question
 * @param noReplyPeriod no reply within this period after the question: NOT_PROCESSABLE (DL-9, default one month)
 * @param uploadLinkValidity how long the one-time upload link works
 * @param maxUploadBytes largest accepted upload
 * @param publicBaseUrl base of links in letters (upload link)
 */
@ConfigurationProperties("privacy.identity")
public record IdentityProperties(
    @DefaultValue("PT72H") Duration copyRetention,
    @DefaultValue("P14D") Period copyReminderAfter,
    @DefaultValue("P1M") Period noReplyPeriod,
    @DefaultValue("P31D") Period uploadLinkValidity,
    @DefaultValue("5242880") long maxUploadBytes,
    @DefaultValue("http://localhost:8080") String publicBaseUrl) {
}
