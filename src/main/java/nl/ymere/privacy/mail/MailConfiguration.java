package nl.ymere.privacy.mail;

import java.net.InetAddress;
import java.time.Clock;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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

  private static final Logger log = LoggerFactory.getLogger(MailConfiguration.class);

  @Bean
  OutboxService outboxService(OutboxRepository repository, MailRenderer renderer, IdentityService identityService,
      RecipientCopies recipientCopies, OutboxProperties properties, ObjectProvider<Clock> clocks) {
    return new OutboxService(repository, renderer, identityService, recipientCopies, properties, clock(clocks));
  }

  @Bean
  OutboxDispatcher outboxDispatcher(OutboxRepository repository, RecipientCopies recipientCopies,
      JavaMailSender mailSender, OutboxProperties properties, ObjectProvider<Clock> clocks,
      @Value("${privacy.node-id:}") String nodeId) {
    String node = nodeIdOrDefault(nodeId);
    log.info("Outbox node id: {} (privacy.node-id; written to the rows this node claims)", node);
    return new OutboxDispatcher(repository, recipientCopies, mailSender, properties, clock(clocks), node);
  }

  static Clock clock(ObjectProvider<Clock> clocks) {
    return clocks.getIfUnique(Clock::systemUTC);
  }

  /**
   * {@code privacy.node-id}, or else this machine's host name with the process id and a short random part
   * (issue 15 item 4: {@code HOSTNAME} is rarely exported, so every node used to be {@code local}; two nodes on one
   * host, or a restarted node, stay apart).
   */
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
    return host + "-" + ProcessHandle.current().pid() + "-" + UUID.randomUUID().toString().substring(0, 4);
  }
}
