package nl.ymere.privacy.personaldata;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * {@link NamedRecipientsSource} wraps every source: a method of {@link PersonalDataSource} it does not pass on would
 * silently answer with the interface's default instead of the source's own (as the retention categories once did).
 */
class NamedRecipientsSourceTest {

  @Test
  void passesOnEveryMethodOfTheSourceInterface() throws NoSuchMethodException {
    for (Method method : PersonalDataSource.class.getMethods()) {
      Method own = NamedRecipientsSource.class.getMethod(method.getName(), method.getParameterTypes());
      assertThat(own.getDeclaringClass()).as(method.getName() + Arrays.toString(method.getParameterTypes()))
          .isEqualTo(NamedRecipientsSource.class);
    }
  }
}
