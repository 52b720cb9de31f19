package nl.ymere.privacy.process;

import java.time.Clock;
import nl.ymere.privacy.deadline.DeadlineProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The application's clock: the engine clock in the configured zone (see {@link EngineClock}). */
@Configuration(proxyBeanMethods = false)
class ProcessConfiguration {

  @Bean
  Clock clock(DeadlineProperties properties) {
    return new EngineClock(properties.timeZone());
  }
}
