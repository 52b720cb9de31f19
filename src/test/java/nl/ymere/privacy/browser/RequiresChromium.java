package nl.ymere.privacy.browser;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A test that drives Debian's headless Chromium (see {@link HeadlessChromium}): skipped with a printed reason
 * when {@code chromium} or {@code chromedriver} is missing, failed instead when {@code CI=true}.
 */
@Target({ElementType.TYPE, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(ChromiumAvailableCondition.class)
@interface RequiresChromium {
}
