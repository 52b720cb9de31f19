package nl.ymere.privacy.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A test that needs the PostgreSQL test server (see {@link PostgresTestServer}): skipped with a printed reason
 * when the server is missing, failed instead when {@code CI=true}.
 */
@Target({ElementType.TYPE, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(PostgresAvailableCondition.class)
public @interface RequiresPostgres {
}
