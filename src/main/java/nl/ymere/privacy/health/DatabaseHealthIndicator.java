package nl.ymere.privacy.health;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The node's database as a health component ({@code db}; replaces Spring Boot's, which logs a stack trace on every
 * failing probe: a load balancer asking every few seconds during an outage filled the log). DOWN while no valid
 * connection can be had; the log gets one line when the database goes away and one when it is back (issue 15
 * item 2). Part of health, liveness and readiness (application.yml {@code management.endpoint.health.group}).
 */
@Component("dbHealthIndicator")
class DatabaseHealthIndicator implements HealthIndicator {

  private static final Logger log = LoggerFactory.getLogger(DatabaseHealthIndicator.class);
  private static final int VALIDATION_TIMEOUT_SECONDS = 2;

  private final DataSource dataSource;
  private final AtomicBoolean down = new AtomicBoolean();

  DatabaseHealthIndicator(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  @Override
  public Health health() {
    try (Connection connection = dataSource.getConnection()) {
      if (!connection.isValid(VALIDATION_TIMEOUT_SECONDS)) {
        return down("connection not valid");
      }
      String product = connection.getMetaData().getDatabaseProductName();
      if (down.compareAndSet(true, false)) {
        log.info("Database reachable again ({})", product);
      }
      return Health.up().withDetail("database", product).build();
    } catch (SQLException | RuntimeException e) {
      return down(e.getClass().getSimpleName() + ": " + e.getMessage());
    }
  }

  private Health down(String reason) {
    if (down.compareAndSet(false, true)) {
      // one line, no stack trace: the probe repeats every few seconds while the outage lasts
      log.warn("Database unreachable, node health DOWN: {}", reason);
    }
    return Health.down().withDetail("error", reason).build();
  }
}
