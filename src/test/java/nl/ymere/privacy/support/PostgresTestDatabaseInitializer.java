package nl.ymere.privacy.support;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Creates the PostgreSQL test database afresh before the shared PostgreSQL context connects to it (once per test JVM,
 * since the context is cached), so a schema left by an older build never decides the outcome.
 */
class PostgresTestDatabaseInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

  @Override
  public void initialize(ConfigurableApplicationContext context) {
    PostgresTestServer.recreateDatabase(PostgresTestServer.testDatabaseName());
  }
}
