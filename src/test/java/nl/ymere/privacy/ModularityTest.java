package nl.ymere.privacy;

import nl.ymere.privacy.support.ProductionClassesOnly;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.util.Set;

/**
 * Keeps the capability packages under {@code nl.ymere.privacy} apart: the rules of {@link ModularityRules} (base
 * modules deadline, history, mail, process, security, web; every other top-level package a capability; demo on top)
 * applied to the production classes. Each rule is proven to fail on a bad layout in {@code ModularityRulesTest}.
 */
@AnalyzeClasses(packages = "nl.ymere.privacy", importOptions = ProductionClassesOnly.class)
class ModularityTest {

  /**
   * Internals of one capability that another still uses. Each entry is a debt: replace it by a public service of the
   * owning capability and delete the line.
   */
  static final Set<String> TOLERATED = Set.of();

  private static final ModularityRules RULES = new ModularityRules("nl.ymere.privacy", TOLERATED);

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
