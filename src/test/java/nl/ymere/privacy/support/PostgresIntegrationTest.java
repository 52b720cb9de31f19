package nl.ymere.privacy.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * The one shared Spring context on PostgreSQL (127.0.0.1:5432, database {@code privacy_test}, see
 * {@link PostgresTestServer}) for the REST contract and one happy path per process. Like {@link IntegrationTest}:
 * use exactly this annotation, no per-class mocks, no dirtied contexts, so every class shares the cached context.
 * Profile {@code postgres-test} (src/test/resources/application-postgres-test.yml) points the {@code postgres}
 * profile's datasource at the test database. The database persists between runs: tests use their own business
 * keys instead of assuming an empty database. Without PostgreSQL the class is skipped, or fails when {@code CI=true}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@RequiresPostgres
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = PostgresTestDatabaseInitializer.class)
@ActiveProfiles({"demo", "test", "postgres", "postgres-test"})
public @interface PostgresIntegrationTest {
}
