package nl.ymere.privacy.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * The one shared Spring context on H2 (in memory) for integration tests through the REST API. Every test class
 * that uses exactly this annotation shares the cached context: no per-class mocks, no dirtied contexts. The
 * {@link DatabaseOutage} switch is part of it (off unless a test turns it on).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
@Import(DatabaseOutage.class)
public @interface IntegrationTest {
}
