package nl.ymere.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Proves each rule of {@link ModularityRules} on the layouts in {@code modularityfixture}: the good layout keeps all
 * of them (including a deadline controller using {@code web}), every bad layout breaks exactly its own rule.
 */
class ModularityRulesTest {

  @Test
  void goodLayoutKeepsEveryRule() {
    assertThat(brokenRules("good")).isEmpty();
  }

  @ParameterizedTest
  @CsvSource({
      "cycle, modulesAreFreeOfCycles",
      "deadline, deadlineDependsOnNoOtherModule",
      "base, baseModulesDoNotDependOnCapabilities",
      "internals, capabilitiesMeetOnlyThroughPublicServices",
      "demo, nothingDependsOnDemo"})
  void badLayoutBreaksExactlyItsRule(String layout, String rule) {
    assertThat(brokenRules(layout)).containsExactly(rule);
  }

  @Test
  void internalsAreNamedWithTheirReason() {
    String root = "modularityfixture.internals";
    ArchRule rule = new ModularityRules(root).capabilitiesMeetOnlyThroughPublicServices();

    List<String> details = rule.evaluate(classes(root)).getFailureReport().getDetails();

    assertThat(String.join("\n", details)).contains(
        "RequestRow is in a sub-package of capability request",
        "RequestRepository is a repository of capability request",
        "CloseRequestDelegate is a BPMN delegate or listener of capability request",
        "RequestController is a controller of capability request");
  }

  @Test
  void toleratedInternalIsNoLongerReportedButOthersAre() {
    String root = "modularityfixture.internals";
    ArchRule rule = new ModularityRules(root, Set.of(root + ".request.RequestRepository"))
        .capabilitiesMeetOnlyThroughPublicServices();

    String details = String.join("\n", rule.evaluate(classes(root)).getFailureReport().getDetails());

    assertThat(details).doesNotContain("RequestRepository").contains("RequestController is a controller");
  }

  private static List<String> brokenRules(String layout) {
    String root = "modularityfixture." + layout;
    JavaClasses classes = classes(root);
    return new ModularityRules(root).all().entrySet().stream()
        .filter(rule -> rule.getValue().evaluate(classes).hasViolation())
        .map(Map.Entry::getKey)
        .toList();
  }

  private static JavaClasses classes(String root) {
    return new ClassFileImporter().importPackages(root);
  }
}
