package nl.ymere.privacy.breach;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code privacy.breach.*} (BRE-1).
 *
 * @param notificationPeriod from the moment of awareness to the AP deadline, in clock hours (Art 33(1): 72 hours;
 *     weekends, holidays and DST changes count as the real hours they are)
 * @param alerts after the moment of awareness: alerts to the privacy officers and the FG (default +24, +48, +66 h)
 */
@ConfigurationProperties("privacy.breach")
public record BreachProperties(
    @DefaultValue("PT72H") Duration notificationPeriod,
    @DefaultValue({"PT24H", "PT48H", "PT66H"}) List<Duration> alerts) {
}
