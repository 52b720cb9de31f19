package nl.ymere.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DateTimeException;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.TimeZone;
import org.camunda.bpm.engine.impl.calendar.CycleBusinessCalendar;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.DefaultBootstrapContext;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/**
 * The retention sweep's monthly timer at 02:00 Europe/Amsterdam whatever the server's zone (issue 17 item 2):
 * {@link PrivacyApplication#main} makes {@code privacy.time-zone} the JVM default zone, in which the engine evaluates
 * cron cycles. Plain JUnit; the JVM's zone (UTC in the build) is restored after each test.
 */
class ProductTimeZoneTest {

  private final TimeZone before = TimeZone.getDefault();

  @AfterEach
  void restore() {
    TimeZone.setDefault(before);
    ClockUtil.reset();
  }

  @Test
  void mainStartsTheApplicationWithTheZoneSetting() {
    assertThat(PrivacyApplication.application().getListeners()).anyMatch(ProductTimeZone.class::isInstance);
  }

  @Test
  void theConfiguredZoneBecomesTheJvmDefault() {
    environmentPrepared(Map.of("privacy.time-zone", "Asia/Tokyo"));
    assertThat(TimeZone.getDefault().getID()).isEqualTo("Asia/Tokyo");
  }

  @Test
  void withoutSettingItIsAmsterdam() {
    TimeZone.setDefault(TimeZone.getTimeZone("UTC"));
    environmentPrepared(Map.of());
    assertThat(TimeZone.getDefault().getID()).isEqualTo("Europe/Amsterdam");
  }

  @Test
  void anUnknownZoneStopsTheStart() {
    assertThatThrownBy(() -> environmentPrepared(Map.of("privacy.time-zone", "Mars/Olympus")))
        .isInstanceOf(DateTimeException.class);
  }

  /**
   * What the engine makes of the sweep's default cycle once the zone is set: 02:00 Amsterdam in summer (00:00 UTC) and
   * in winter (01:00 UTC). The engine's cycle calendar is an {@code impl} class: the only way to see the due date it
   * computes without deploying; if a later engine stops using the JVM default zone, this test says so.
   */
  @Test
  void theEngineStartsTheSweepAtTwoInTheMorningAmsterdamTime() {
    TimeZone.setDefault(TimeZone.getTimeZone("UTC"));
    environmentPrepared(Map.of());
    CycleBusinessCalendar cycles = new CycleBusinessCalendar();
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2027-03-15T12:00:00Z")));
    assertThat(cycles.resolveDuedate("0 0 2 1 * ?").toInstant()).isEqualTo(Instant.parse("2027-04-01T00:00:00Z"));
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2027-11-15T12:00:00Z")));
    assertThat(cycles.resolveDuedate("0 0 2 1 * ?").toInstant()).isEqualTo(Instant.parse("2027-12-01T01:00:00Z"));
  }

  private static void environmentPrepared(Map<String, Object> properties) {
    StandardEnvironment environment = new StandardEnvironment();
    environment.getPropertySources().addFirst(new MapPropertySource("test", properties));
    new ProductTimeZone().onApplicationEvent(new ApplicationEnvironmentPreparedEvent(new DefaultBootstrapContext(),
        new SpringApplication(PrivacyApplication.class), new String[0], environment));
  }
}
