package nl.ymere.privacy;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RestController;

/**
 * The module rules of the application (DESIGN "Layout": packages by capability), over the top-level packages
 * ("modules") under a root package. They are written over two kinds of module rather than a fixed list of
 * capabilities, so they hold for capabilities that do not exist yet:
 * <ul>
 *   <li><b>Base modules</b> ({@code deadline}, {@code history}, {@code mail}, {@code process}, {@code security},
 *       {@code web}) give every capability something to build on: the deadline calculator (DL rules), the engine's
 *       history settings, the outbox and letters, process plumbing (typed variables, current user, engine clock),
 *       login and authorizations, shared API error and date handling.</li>
 *   <li><b>Capability modules</b> are all other modules ({@code request}, {@code identity}, {@code access},
 *       {@code camera}, {@code processor}, {@code fraud}, {@code retention}, ...), each with its delegates, services,
 *       repositories and controller.</li>
 *   <li><b>{@code demo}</b> seeds demo users and data and may use anything.</li>
 * </ul>
 * The rules:
 * <ol>
 *   <li>{@link #modulesAreFreeOfCycles()}: no cycle between modules, so each can be understood (and tested) on top
 *       of the ones it uses.</li>
 *   <li>{@link #deadlineDependsOnNoOtherModule()}: the deadline calculator is one pure rule set shared by API,
 *       timers and letters, so nothing in {@code deadline} but its REST controller uses another module (the
 *       controller uses {@code web}'s date parsing and problem responses);
 *       {@link #historyDependsOnNoOtherModule()}: the history level is engine configuration.</li>
 *   <li>{@link #baseModulesDoNotDependOnCapabilities()}: a base module serves every capability, so it knows none.</li>
 *   <li>{@link #capabilitiesMeetOnlyThroughPublicServices()}: a capability uses another one only through public
 *       types in that capability's top-level package (its services and value types), never its sub-packages,
 *       repositories (its tables are its own), BPMN delegates and listeners (wired by the model, not called) or
 *       controllers. Known exceptions are listed by name ({@code tolerated}), so each is a visible decision.</li>
 *   <li>{@link #nothingDependsOnDemo()}: production runs with the demo seeding off.</li>
 * </ol>
 * Rules whose subject package does not exist yet pass ({@code allowEmptyShould}).
 */
final class ModularityRules {

  static final Set<String> BASE_MODULES = Set.of("deadline", "history", "mail", "process", "security", "web");
  static final String DEMO = "demo";

  private final String root;
  private final Set<String> tolerated;

  /**
   * @param root the package whose top-level sub-packages are the modules
   * @param tolerated fully qualified names of other capabilities' internals that a capability may still use
   */
  ModularityRules(String root, Set<String> tolerated) {
    this.root = root;
    this.tolerated = Set.copyOf(tolerated);
  }

  ModularityRules(String root) {
    this(root, Set.of());
  }

  /** Every rule by name, for checking them all at once. */
  Map<String, ArchRule> all() {
    Map<String, ArchRule> rules = new LinkedHashMap<>();
    rules.put("modulesAreFreeOfCycles", modulesAreFreeOfCycles());
    rules.put("deadlineDependsOnNoOtherModule", deadlineDependsOnNoOtherModule());
    rules.put("historyDependsOnNoOtherModule", historyDependsOnNoOtherModule());
    rules.put("baseModulesDoNotDependOnCapabilities", baseModulesDoNotDependOnCapabilities());
    rules.put("capabilitiesMeetOnlyThroughPublicServices", capabilitiesMeetOnlyThroughPublicServices());
    rules.put("nothingDependsOnDemo", nothingDependsOnDemo());
    return rules;
  }

  ArchRule modulesAreFreeOfCycles() {
    return slices().matching(root + ".(*)..").should().beFreeOfCycles().allowEmptyShould(true);
  }

  ArchRule deadlineDependsOnNoOtherModule() {
    return noClasses().that(inModule(Set.of("deadline"))).and(notController())
        .should().dependOnClassesThat(ours().and(outsideModule("deadline")))
        .allowEmptyShould(true)
        .because("the deadline calculator is one pure rule set that API, timers and letters share (DL rules)");
  }

  ArchRule historyDependsOnNoOtherModule() {
    return dependsOnNoOtherModule("history")
        .because("the history level is engine configuration (DESIGN principle 2), not product logic");
  }

  ArchRule baseModulesDoNotDependOnCapabilities() {
    return noClasses().that(inModule(BASE_MODULES))
        .should().dependOnClassesThat(inCapability())
        .allowEmptyShould(true)
        .because("base modules serve every capability, so they cannot know any of them");
  }

  ArchRule capabilitiesMeetOnlyThroughPublicServices() {
    return classes().that(inCapability())
        .should(useOtherCapabilitiesOnlyThroughTheirTopLevelApi())
        .allowEmptyShould(true);
  }

  ArchRule nothingDependsOnDemo() {
    return noClasses().that(outsideModule(DEMO))
        .should().dependOnClassesThat(inModule(Set.of(DEMO)))
        .allowEmptyShould(true)
        .because("production runs with the demo seeding switched off");
  }

  /** The top-level package under the root, or "" for the root package itself and for foreign classes. */
  String moduleOf(JavaClass type) {
    String name = type.getPackageName();
    if (!name.startsWith(root + ".")) {
      return "";
    }
    String rest = name.substring(root.length() + 1);
    int dot = rest.indexOf('.');
    return dot < 0 ? rest : rest.substring(0, dot);
  }

  private ArchRule dependsOnNoOtherModule(String module) {
    return noClasses().that(inModule(Set.of(module)))
        .should().dependOnClassesThat(ours().and(outsideModule(module)))
        .allowEmptyShould(true);
  }

  private static DescribedPredicate<JavaClass> notController() {
    return DescribedPredicate.describe("are no controllers", type -> !isController(type));
  }

  private static boolean isController(JavaClass type) {
    return type.isAnnotatedWith(RestController.class) || type.isAnnotatedWith(Controller.class);
  }

  private DescribedPredicate<JavaClass> ours() {
    return DescribedPredicate.describe("in " + root, type -> type.getPackageName().startsWith(root));
  }

  private DescribedPredicate<JavaClass> inModule(Set<String> modules) {
    return DescribedPredicate.describe("in module " + modules, type -> modules.contains(moduleOf(type)));
  }

  private DescribedPredicate<JavaClass> outsideModule(String module) {
    return DescribedPredicate.describe("outside module " + module, type -> !module.equals(moduleOf(type)));
  }

  private DescribedPredicate<JavaClass> inCapability() {
    return DescribedPredicate.describe("in a capability module", this::isCapability);
  }

  private boolean isCapability(JavaClass type) {
    String module = moduleOf(type);
    return !module.isEmpty() && !BASE_MODULES.contains(module) && !DEMO.equals(module);
  }

  private ArchCondition<JavaClass> useOtherCapabilitiesOnlyThroughTheirTopLevelApi() {
    return new ArchCondition<>("use other capabilities only through public services in their top-level package") {
      @Override
      public void check(JavaClass origin, ConditionEvents events) {
        for (Dependency dependency : origin.getDirectDependenciesFromSelf()) {
          JavaClass target = dependency.getTargetClass();
          if (!isCapability(target) || moduleOf(target).equals(moduleOf(origin))
              || tolerated.contains(target.getName())) {
            continue;
          }
          String internal = internalReason(target);
          if (internal != null) {
            events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription() + ": "
                + target.getName() + " is " + internal + " of capability " + moduleOf(target)));
          }
        }
      }
    };
  }

  /** Why a class is another capability's internal, or null when it belongs to its public API. */
  private String internalReason(JavaClass target) {
    if (!target.getPackageName().equals(root + "." + moduleOf(target))) {
      return "in a sub-package";
    }
    if (target.isAssignableTo(JavaDelegate.class) || target.isAssignableTo(ExecutionListener.class)
        || target.isAssignableTo(TaskListener.class)) {
      return "a BPMN delegate or listener";
    }
    if (isController(target)) {
      return "a controller";
    }
    if (target.getSimpleName().endsWith("Repository")) {
      return "a repository";
    }
    return null;
  }
}
