package nl.ymere.privacy.mail;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

/**
 * The outbox as its own health component ({@code outbox}, issue 15 item 2): always UP, so a mail outage never takes
 * a node out of the load balancer (Spring's mail health indicator, which did, is off). Its details tell operators how
 * mail is doing: rows waiting ({@code pending}) and the age of the oldest ({@code oldestPendingAgeSeconds}; it grows
 * while the mail server is unreachable), rows being retried after a failed attempt ({@code retrying}), rows given up
 * ({@code failed}), and rows stuck in SENDING ({@code stuck}, see {@code /admin/outbox}).
 */
@Component("outboxHealthIndicator")
class OutboxHealthIndicator implements HealthIndicator {

  private final OutboxRepository repository;
  private final OutboxProperties properties;
  private final Clock clock;

  OutboxHealthIndicator(OutboxRepository repository, OutboxProperties properties, ObjectProvider<Clock> clocks) {
    this.repository = repository;
    this.properties = properties;
    this.clock = MailConfiguration.clock(clocks);
  }

  @Override
  public Health health() {
    Instant now = clock.instant();
    try {
      OutboxRepository.Figures figures = repository.figures(now.minus(properties.stuckAfter()));
      long oldestAge = figures.oldestPendingCreatedAt() == null ? 0
          : Math.max(0, Duration.between(figures.oldestPendingCreatedAt(), now).toSeconds());
      return Health.up()
          .withDetail("pending", figures.pending())
          .withDetail("oldestPendingAgeSeconds", oldestAge)
          .withDetail("retrying", figures.retrying())
          .withDetail("failed", figures.failed())
          .withDetail("stuck", figures.stuck())
          .build();
    } catch (DataAccessException e) {
      // the database component reports the outage; the outbox itself never fails the node
      return Health.up().withDetail("figures", "unavailable: the database cannot be read").build();
    }
  }
}
