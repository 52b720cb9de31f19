package nl.ymere.privacy.deadline;

import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The one {@link DeadlineCalculator} of the application and the clock that says what "today" is. */
@Configuration(proxyBeanMethods = false)
class DeadlineConfiguration {

  @Bean
  DeadlineCalculator deadlineCalculator(DeadlineProperties properties) {
    return new DeadlineCalculator(properties.timeZone(), properties.extraNonWorkingDates());
  }

  /** The system clock in the configured zone; code asks it for "now" and "today" so tests can reason about dates. */
  @Bean
  @ConditionalOnMissingBean
  Clock clock(DeadlineProperties properties) {
    return Clock.system(properties.timeZone());
  }
}
