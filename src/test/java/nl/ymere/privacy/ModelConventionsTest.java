package nl.ymere.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import nl.ymere.privacy.ModelConventions.Violation;
import nl.ymere.privacy.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * Guard over the real models (DESIGN "Guard tests"; principles 1, 2, 8; RET-6): every {@code processes/*.bpmn} and
 * {@code processes/*.dmn} and every {@code forms/*.form} in the repository follows {@link ModelConventions}, with
 * {@code camunda:delegateExpression} beans looked up in the application context. Each rule is proven to fail on a
 * bad model in {@link ModelConventionsFixturesTest}. An empty directory has nothing to violate.
 */
@IntegrationTest
class ModelConventionsTest {

  /** Maven runs tests in the project directory and passes it as {@code basedir}. */
  private static final Path REPOSITORY = Path.of(System.getProperty("basedir", ".")).toAbsolutePath();

  @Autowired
  private ApplicationContext context;

  @Test
  void readsTheRepositoryItself() {
    assertThat(REPOSITORY.resolve("pom.xml")).as("repository root %s", REPOSITORY).isRegularFile();
  }

  @Test
  void everyProcessAndDecisionFollowsTheConventions() {
    ModelConventions conventions = new ModelConventions(REPOSITORY.resolve("forms"), context::containsBean);
    List<Path> models = ModelConventions.files(REPOSITORY.resolve("processes"), "bpmn", "dmn");

    List<Violation> violations = models.stream().flatMap(model -> conventions.check(model).stream()).toList();

    assertThat(violations).as("model conventions over %s", models).isEmpty();
  }

  @Test
  void everyFormIsACamundaFormNamedAfterItsId() {
    ModelConventions conventions = new ModelConventions(REPOSITORY.resolve("forms"), context::containsBean);
    List<Path> forms = ModelConventions.files(REPOSITORY.resolve("forms"), "form");

    List<Violation> violations = forms.stream().flatMap(form -> conventions.check(form).stream()).toList();

    assertThat(violations).as("form conventions over %s", forms).isEmpty();
  }
}
