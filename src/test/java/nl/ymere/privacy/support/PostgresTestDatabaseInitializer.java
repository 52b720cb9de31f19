package nl.ymere.privacy.support;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/** Creates the PostgreSQL test database, if missing, before the shared PostgreSQL context connects to it. */
class PostgresTestDatabaseInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

  @Override
  public void initialize(ConfigurableApplicationContext context) {
    PostgresTestServer.createDatabaseIfMissing(PostgresTestServer.testDatabaseName());
  }
}
