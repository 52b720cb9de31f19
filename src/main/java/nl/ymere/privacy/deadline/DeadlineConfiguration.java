package nl.ymere.privacy.deadline;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The one {@link DeadlineCalculator} of the application (the clock is the engine clock, see process.EngineClock). */
@Configuration(proxyBeanMethods = false)
class DeadlineConfiguration {

  @Bean
  DeadlineCalculator deadlineCalculator(DeadlineProperties properties) {
    return new DeadlineCalculator(properties.timeZone(), properties.extraNonWorkingDates());
  }
}
