package nl.ymere.privacy;

import java.time.ZoneId;
import java.util.TimeZone;
import nl.ymere.privacy.deadline.DeadlineProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;

/**
 * Makes {@code privacy.time-zone} (default Europe/Amsterdam) the JVM's default time zone when the application starts,
 * before any bean exists: the engine evaluates a timer's cron cycle in the JVM's default zone (Camunda 7 and Operaton
 * have no zone per timer), and the retention sweep must start at 02:00 Amsterdam time (issue 17) whatever zone the
 * server or container runs in. Registered by {@link PrivacyApplication#main} only: tests keep the zone the build gives
 * them (UTC).
 *
 * <p>Runs when the environment is ready (every property source, profiles included) and logging is set up. An unknown
 * zone stops the start.
 */
final class ProductTimeZone implements ApplicationListener<ApplicationEnvironmentPreparedEvent> {

  static final String PROPERTY = "privacy.time-zone";

  private static final Logger log = LoggerFactory.getLogger(ProductTimeZone.class);

  @Override
  public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
    String configured = event.getEnvironment().getProperty(PROPERTY, DeadlineProperties.DEFAULT_TIME_ZONE.getId());
    ZoneId zone = ZoneId.of(configured.strip());
    String before = TimeZone.getDefault().getID();
    TimeZone.setDefault(TimeZone.getTimeZone(zone));
    log.info("JVM default time zone {} (from {}; was {}): cron timer cycles such as the retention sweep's run in it",
        zone.getId(), PROPERTY, before);
  }
}
