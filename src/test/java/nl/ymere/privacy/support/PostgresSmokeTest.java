package nl.ymere.privacy.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/** The shared PostgreSQL context boots, runs on the test database and serves the engine REST API with one login. */
@PostgresIntegrationTest
class PostgresSmokeTest {

  @Autowired
  TestRestTemplate rest;

  @Autowired
  DataSource dataSource;

  @Test
  void runsOnThePostgresTestDatabase() throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      assertThat(connection.getMetaData().getDatabaseProductName()).isEqualTo("PostgreSQL");
      assertThat(connection.getCatalog()).isEqualTo(PostgresTestServer.testDatabaseName());
    }
  }

  @Test
  void keepsProductTablesInTheirOwnSchemaNextToTheEngineTables() {
    JdbcTemplate jdbc = new JdbcTemplate(dataSource);
    assertThat(jdbc.queryForObject("SELECT count(*) FROM privacy.privacy_schema_info", Integer.class)).isEqualTo(1);
    assertThat(jdbc.queryForObject(
        "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public' AND table_name = 'act_ge_property'",
        Integer.class)).isEqualTo(1);
  }

  @Test
  void demoUserReadsProcessDefinitionsThroughEngineRest() {
    ResponseEntity<String> response = rest.withBasicAuth("demo", "demo")
        .getForEntity("/engine-rest/process-definition", String.class);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(response.getBody()).startsWith("[");
  }

  @Test
  void anonymousCallToEngineRestIsUnauthorized() {
    ResponseEntity<String> response = rest.getForEntity("/engine-rest/process-definition", String.class);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  // An unknown user, not a wrong password for demo: failed logins count towards the login throttle of a user
  // (security.LoginThrottle), which lives as long as this shared context.
  @Test
  void unknownUserIsUnauthorized() {
    ResponseEntity<String> response = rest.withBasicAuth("no-such-user", "no-such-user")
        .getForEntity("/engine-rest/process-definition", String.class);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
  }
}
