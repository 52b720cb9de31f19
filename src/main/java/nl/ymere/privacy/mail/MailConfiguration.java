package nl.ymere.privacy.mail;

import java.net.InetAddress;
import java.time.Clock;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;

/**
 * Wires the outbox. The clock is the application's {@link Clock} bean when there is exactly one (so tests that move
 * it move the outbox too), otherwise the UTC system clock.
 */
@Configuration(proxyBeanMethods = false)
class MailConfiguration {

  @Bean
  OutboxService outboxService(OutboxRepository repository, MailRenderer renderer, IdentityService identityService,
      RecipientCopies recipientCopies, OutboxProperties properties, ObjectProvider<Clock> clocks) {
    return new OutboxService(repository, renderer, identityService, recipientCopies, properties, clock(clocks));
  }

  @Bean
  OutboxDispatcher outboxDispatcher(OutboxRepository repository, RecipientCopies recipientCopies,
      JavaMailSender mailSender, OutboxProperties properties, ObjectProvider<Clock> clocks,
      @Value("${privacy.node-id:}") String nodeId) {
    return new OutboxDispatcher(repository, recipientCopies, mailSender, properties, clock(clocks),
        nodeIdOrDefault(nodeId));
  }

  static Clock clock(ObjectProvider<Clock> clocks) {
    return clocks.getIfUnique(Clock::systemUTC);
  }

  /** {@code privacy.node-id}, or the host name with a random suffix (two nodes on one host stay apart). */
  static String nodeIdOrDefault(String configured) {
    if (configured != null && !configured.isBlank()) {
      return configured.strip();
    }
    String host;
    try {
      host = InetAddress.getLocalHost().getHostName();
    } catch (Exception e) {
      host = "node";
    }
    return host + "-" + UUID.randomUUID().toString().substring(0, 8);
  }
}
