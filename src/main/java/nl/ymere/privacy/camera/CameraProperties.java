package nl.ymere.privacy.camera;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Period;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code privacy.camera.*}.
 *
 * @param defaultRetention footage retention of a camera without its own (CAM-5, default 72 hours); longer only with a
 *     recorded justification, never above {@link RetentionPolicy#CEILING} (28 days, fixed, not configurable)
 * @param reviewInterval a protocol is approved for this long, then re-approved (CAM-6, default 12 months)
 * @param reviewNoticeBefore the facility owner is asked whether the need still exists this long before expiry
 * @param reviewEscalationAfter no answer this long after the question: e-mail to the privacy officers
 * @param footageDir root of the file-based demo footage store
 * @param sweepEnabled whether the retention sweep runs on its schedule (tests call it themselves)
 * @param sweepCron when the retention sweep runs (default every hour at minute 15)
 */
@ConfigurationProperties("privacy.camera")
public record CameraProperties(
    @DefaultValue("PT72H") Duration defaultRetention,
    @DefaultValue("P12M") Period reviewInterval,
    @DefaultValue("P30D") Period reviewNoticeBefore,
    @DefaultValue("P14D") Period reviewEscalationAfter,
    @DefaultValue("./data/footage") Path footageDir,
    @DefaultValue("true") boolean sweepEnabled,
    @DefaultValue("0 15 * * * *") String sweepCron) {
}
