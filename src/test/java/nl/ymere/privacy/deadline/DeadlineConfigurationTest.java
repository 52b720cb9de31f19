package nl.ymere.privacy.deadline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/** {@code privacy.time-zone} and {@code privacy.extra-non-working-dates} reach the one calculator bean (DL-1, DL-5). */
class DeadlineConfigurationTest {

  @Configuration(proxyBeanMethods = false)
  @EnableConfigurationProperties(DeadlineProperties.class)
  static class Properties {
  }

  final ApplicationContextRunner runner = new ApplicationContextRunner()
      .withUserConfiguration(Properties.class, DeadlineConfiguration.class);

  @Test
  void defaultsToAmsterdamWithoutExtraDates() {
    runner.run(context -> {
      DeadlineCalculator calculator = context.getBean(DeadlineCalculator.class);
      assertThat(calculator.zone()).isEqualTo(ZoneId.of("Europe/Amsterdam"));
      assertThat(calculator.extraNonWorkingDates()).isEmpty();
    });
  }

  @Test
  void bindsTheConfiguredZoneAndExtraDates() {
    runner.withPropertyValues("privacy.time-zone=Europe/Brussels",
            "privacy.extra-non-working-dates[0]=2026-05-15", "privacy.extra-non-working-dates[1]=2027-05-07")
        .run(context -> {
          DeadlineCalculator calculator = context.getBean(DeadlineCalculator.class);
          assertThat(calculator.zone()).isEqualTo(ZoneId.of("Europe/Brussels"));
          assertThat(calculator.extraNonWorkingDates())
              .containsExactly(LocalDate.parse("2026-05-15"), LocalDate.parse("2027-05-07"));
          assertThat(calculator.isWorkingDay(LocalDate.parse("2026-05-15"))).isFalse();
        });
  }

  @Test
  void bindsACommaSeparatedList() {
    runner.withPropertyValues("privacy.extra-non-working-dates=2026-05-15,2027-05-07")
        .run(context -> assertThat(context.getBean(DeadlineCalculator.class).extraNonWorkingDates()).hasSize(2));
  }


}
