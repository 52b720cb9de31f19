package nl.ymere.privacy;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * Keeps the capability packages under {@code nl.ymere.privacy} apart: the rules of {@link ModularityRules} (base
 * modules deadline, history, mail, security, web; every other top-level package a capability; demo on top) applied
 * to the production classes. Each rule is proven to fail on a bad layout in {@code ModularityRulesTest}.
 */
@AnalyzeClasses(packages = "nl.ymere.privacy", importOptions = ImportOption.DoNotIncludeTests.class)
class ModularityTest {

  private static final ModularityRules RULES = new ModularityRules("nl.ymere.privacy");

  @ArchTest
  static final ArchRule modulesAreFreeOfCycles = RULES.modulesAreFreeOfCycles();

  @ArchTest
  static final ArchRule deadlineDependsOnNoOtherModule = RULES.deadlineDependsOnNoOtherModule();

  @ArchTest
  static final ArchRule historyDependsOnNoOtherModule = RULES.historyDependsOnNoOtherModule();

  @ArchTest
  static final ArchRule baseModulesDoNotDependOnCapabilities = RULES.baseModulesDoNotDependOnCapabilities();

  @ArchTest
  static final ArchRule capabilitiesMeetOnlyThroughPublicServices = RULES.capabilitiesMeetOnlyThroughPublicServices();

  @ArchTest
  static final ArchRule nothingDependsOnDemo = RULES.nothingDependsOnDemo();
}
