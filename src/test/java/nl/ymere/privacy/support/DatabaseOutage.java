package nl.ymere.privacy.support;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * A database outage that tests can switch on and off: the application's {@link DataSource} bean is wrapped so that,
 * while the outage lasts, every new connection fails as a lost database does ({@code SQLTransientConnectionException},
 * SQL state 08001, like a pool that cannot reach its server). Connections already handed out keep working. Part of
 * the shared {@link IntegrationTest} context (imported there), so it costs no context of its own; off unless a
 * test switches it on, always in a try/finally ({@code try (var outage = databaseOutage.begin()) {...}}).
 */
public class DatabaseOutage implements BeanPostProcessor {

  private volatile boolean down;

  /** Starts the outage; closing the returned handle ends it. */
  public Outage begin() {
    down = true;
    return () -> down = false;
  }

  public boolean isDown() {
    return down;
  }

  @Override
  public Object postProcessAfterInitialization(Object bean, String beanName) {
    if (bean instanceof DataSource dataSource && !(bean instanceof FailingDataSource)) {
      return new FailingDataSource(dataSource);
    }
    return bean;
  }

  /** The handle of a running outage. */
  @FunctionalInterface
  public interface Outage extends AutoCloseable {
    @Override
    void close();
  }

  private final class FailingDataSource extends DelegatingDataSource {

    FailingDataSource(DataSource target) {
      super(target);
    }

    @Override
    public Connection getConnection() throws SQLException {
      failWhenDown();
      return super.getConnection();
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
      failWhenDown();
      return super.getConnection(username, password);
    }

    private void failWhenDown() throws SQLTransientConnectionException {
      if (down) {
        throw new SQLTransientConnectionException("Test: the database cannot be reached", "08001");
      }
    }
  }
}
