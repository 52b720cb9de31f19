package nl.ymere.privacy.security;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import nl.ymere.privacy.process.ProductCalls;
import nl.ymere.privacy.process.RefusedStepException;
import nl.ymere.privacy.web.ControlCharacters;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.runtime.ProcessInstantiationBuilder;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.transaction.support.TransactionSynchronizationManager;
/**
 * The engine's runtime, task and form services as an outside door (DESIGN principle 9, issue 14). The product's
 * records are the truth; {@code /engine-rest}, the webapps' engine API ({@code /camunda/api/engine}), Tasklist and any
 * Java caller reach the engine through these services, so the engine itself refuses what the product never does:
 * <ul>
 *   <li><b>Starts</b> only at the none start event of a process that has a start form, with no caller-chosen business
 *       key, no skipped listeners or input mappings, and only variables that are fields of that start form.</li>
 *   <li><b>Completions</b> (complete, resolve, submit form) only with variables that are fields of the task's form.
 *       {@link ReservedVariables reserved names} (who did a step, the case reference) are never accepted from outside,
 *       even if a form were to declare one.</li>
 *   <li><b>Claim and assignment</b> pass (the four-eyes listener guards them); reads and queries pass (the engine's
 *       authorizations filter them).</li>
 *   <li><b>Comments, attachments, task names and descriptions</b> are refused for everyone: free text about a person
 *       would land in the engine's tables (DESIGN principle 2).</li>
 *   <li><b>Everything else that changes state</b> (process instance modification and restart, migration, setting or
 *       removing variables, message and signal correlation, suspension, deletion, changes to a task's dates or
 *       candidates) is the operators' power: members of {@code camunda-admin} only, each use recorded in
 *       {@link OperatorActions} and logged. The product's own decisions never rest on what such a call changes (each
 *       deciding service checks its preconditions in the product's tables).</li>
 * </ul>
 * What the engine runs itself (delegates, listeners and jobs, inside an engine command) and what the product does
 * on purpose ({@link ProductCalls}, after checking the user's right to the action) pass unchanged. A refusal the
 * product raises inside a listener ({@link RefusedStepException}) comes out of the door as
 * HTTP 400 (on form submission and completion) or 403 ({@link Answer}) with its Dutch message,
 * instead of an engine error with internals (HTTP 500).
 */
final class EngineDoor {

  static final int COMPLETION_ATTEMPTS = 3;

  private static final Logger log = LoggerFactory.getLogger(EngineDoor.class);

  /** How a call passes the door when it comes from outside. */
  enum Passage {
    READ, START, START_BUILDER, COMPLETE, ASSIGN, OPERATOR, NEVER
  }

  private final FormFields formFields;
  private final IdentityService identityService;
  private final OperatorActions operatorActions;

  EngineDoor(FormFields formFields, IdentityService identityService, OperatorActions operatorActions) {
    this.formFields = formFields;
    this.identityService = identityService;
    this.operatorActions = operatorActions;
  }

  RuntimeService guard(RuntimeService runtime) {
    return proxy(RuntimeService.class, runtime, "runtime", EngineDoor::runtimePassage);
  }

  TaskService guard(TaskService tasks) {
    return proxy(TaskService.class, tasks, "task", EngineDoor::taskPassage);
  }

  FormService guard(FormService forms) {
    return proxy(FormService.class, forms, "form", EngineDoor::formPassage);
  }

  static Passage runtimePassage(String method) {
    if (isRead(method)) {
      return Passage.READ;
    }
    return switch (method) {
      case "startProcessInstanceByKey", "startProcessInstanceById" -> Passage.START;
      case "createProcessInstanceByKey", "createProcessInstanceById" -> Passage.START_BUILDER;
      default -> Passage.OPERATOR;
    };
  }

  static Passage taskPassage(String method) {
    if (isRead(method)) {
      return Passage.READ;
    }
    return switch (method) {
      // a new task object is not stored until saveTask, which is the operators'
      case "newTask", "createTaskReport" -> Passage.READ;
      case "claim", "setAssignee", "delegateTask" -> Passage.ASSIGN;
      case "complete", "completeWithVariablesInReturn", "resolveTask" -> Passage.COMPLETE;
      case "createComment", "createAttachment", "saveAttachment", "setName", "setDescription" -> Passage.NEVER;
      default -> Passage.OPERATOR;
    };
  }

  static Passage formPassage(String method) {
    if (isRead(method)) {
      return Passage.READ;
    }
    return switch (method) {
      case "submitStartForm", "submitStartFormData" -> Passage.START;
      case "submitTaskForm", "submitTaskFormWithVariablesInReturn", "submitTaskFormData" -> Passage.COMPLETE;
      default -> Passage.OPERATOR;
    };
  }

  private static boolean isRead(String method) {
    return method.startsWith("get") || method.startsWith("create") && method.endsWith("Query");
  }

  /**
   * Whether a call comes from outside: not from code the engine runs inside one of its commands, and not a product
   * call. {@link Context} is an engine-internal class: the public API has no way to ask whether a command is running
   * on this thread (Operaton keeps the same class under its own package).
   */
  static boolean fromOutside() {
    return Context.getCommandContext() == null && !ProductCalls.active();
  }

  @SuppressWarnings("unchecked")
  private <S> S proxy(Class<S> type, S inner, String serviceName, java.util.function.Function<String, Passage> passages) {
    InvocationHandler handler = (self, method, args) -> {
      if (method.getDeclaringClass() == Object.class) {
        return switch (method.getName()) {
          case "equals" -> self == args[0];
          case "hashCode" -> System.identityHashCode(self);
          default -> "EngineDoor(" + inner + ")";
        };
      }
      Passage passage = passages.apply(method.getName());
      if (passage == Passage.READ || !fromOutside()) {
        return invoke(inner, method, args);
      }
      return switch (passage) {
        case START -> {
          Answer answer = method.getName().startsWith("submit") ? Answer.FORM : Answer.START_API;
          checkStart(startTarget(method, args), stringArgumentsAfterFirst(method, args), variableNames(args), false,
              answer);
          checkText(args, answer);
          yield refusalsTranslated(answer, () -> invoke(inner, method, args));
        }
        case START_BUILDER -> new GuardedInstantiation((ProcessInstantiationBuilder) invoke(inner, method, args),
            method.getName().endsWith("ByKey") ? StartTarget.byKey((String) args[0])
                : StartTarget.byId((String) args[0])).proxy();
        case COMPLETE -> {
          checkTaskVariables((String) args[0], variableNames(args));
          checkText(args, Answer.FORM);
          yield refusalsTranslated(Answer.FORM, () -> retriedAfterConcurrentChange(() -> invoke(inner, method, args)));
        }
        case ASSIGN -> refusalsTranslated(Answer.FORM, () -> invoke(inner, method, args));
        case OPERATOR -> operator(serviceName + "." + method.getName(), args, () -> invoke(inner, method, args));
        case NEVER -> throw new AuthorizationException("Niet toegestaan: " + serviceName + "." + method.getName()
            + ". Notities en bijlagen over een zaak horen in het dossier van het product, niet in de procesengine "
            + "(DESIGN-principe 2).");
        case READ -> throw new IllegalStateException("read passes above");
      };
    };
    return (S) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, handler);
  }

  // ---------------------------------------------------------------------------------------------------- starts

  record StartTarget(String key, String id) {
    static StartTarget byKey(String key) {
      return new StartTarget(key, null);
    }

    static StartTarget byId(String id) {
      return new StartTarget(null, id);
    }
  }

  private static StartTarget startTarget(Method method, Object[] args) {
    String first = (String) args[0];
    return method.getName().endsWith("ByKey") ? StartTarget.byKey(first) : StartTarget.byId(first);
  }

  private void checkStart(StartTarget target, List<String> keysAndCases, Set<String> variables,
      boolean instructions, Answer answer) {
    if (instructions) {
      throw new AuthorizationException("Niet toegestaan: een proces van het product start alleen bij zijn "
          + "startgebeurtenis, niet bij een taak of activiteit verderop (DESIGN-principe 9).");
    }
    // Tasklist's start dialog sends an empty business key field as ""
    if (keysAndCases.stream().anyMatch(value -> value != null && !value.isBlank())) {
      throw answer.invalid("Een zaak krijgt haar referentie van het product; geef bij het starten geen business "
          + "key of case-instance op.");
    }
    FormFields.Form form = formFields.startForm(target.key(), target.id());
    if (form == null) {
      throw new AuthorizationException("Niet toegestaan: dit proces start het product zelf (via de API of een "
          + "ander proces), niet via Tasklist of de engine-API.");
    }
    checkFields(variables, form, answer);
  }

  private void checkTaskVariables(String taskId, Set<String> variables) {
    if (variables.isEmpty()) {
      return;
    }
    FormFields.Form form = formFields.taskForm(taskId);
    checkFields(variables, form == null ? FormFields.Form.NONE : form, Answer.FORM);
  }

  private static void checkFields(Set<String> variables, FormFields.Form form, Answer answer) {
    Set<String> refused = new TreeSet<>();
    for (String name : variables) {
      if (ReservedVariables.isReserved(name) || !form.fields().contains(name)) {
        refused.add(name);
      }
    }
    if (!refused.isEmpty()) {
      throw answer.invalid("Niet toegestaan: " + String.join(", ", refused)
          + (refused.size() == 1 ? " is geen veld" : " zijn geen velden") + " van het formulier "
          + (form.id() == null ? "(deze taak heeft geen formulier)" : "'" + form.id() + "'")
          + ". Alleen de velden van het formulier worden aangenomen.");
    }
  }

  /**
   * Issue 14 finding 6: a text value of a submitted field with a control character it may not have
   * ({@link ControlCharacters}) is refused with the Dutch message naming the field, as bad input of the product
   * ({@link RefusedStepException}, INVALID_INPUT), before the engine stores anything.
   */
  private static void checkText(Object[] args, Answer answer) {
    if (args == null) {
      return;
    }
    for (Object arg : args) {
      if (arg instanceof Map<?, ?> map) {
        checkText(map, answer);
      }
    }
  }

  private static void checkText(Map<?, ?> variables, Answer answer) {
    for (Map.Entry<?, ?> variable : variables.entrySet()) {
      Object value = variable.getValue() instanceof TypedValue typed ? typed.getValue() : variable.getValue();
      if (value instanceof String text) {
        String problem = ControlCharacters.problem(String.valueOf(variable.getKey()), text);
        if (problem != null) {
          throw answer.invalid(problem, new RefusedStepException(problem));
        }
      }
    }
  }

  /** A start through the builder API ({@code /engine-rest/process-definition/.../start} uses it). */
  private final class GuardedInstantiation implements InvocationHandler {

    private final ProcessInstantiationBuilder inner;
    private final StartTarget target;
    private final Set<String> variables = new LinkedHashSet<>();
    private final Map<String, Object> values = new java.util.HashMap<>();
    private final List<String> keysAndCases = new ArrayList<>();
    private boolean instructions;

    GuardedInstantiation(ProcessInstantiationBuilder inner, StartTarget target) {
      this.inner = inner;
      this.target = target;
    }

    ProcessInstantiationBuilder proxy() {
      return (ProcessInstantiationBuilder) Proxy.newProxyInstance(ProcessInstantiationBuilder.class.getClassLoader(),
          new Class<?>[] {ProcessInstantiationBuilder.class}, this);
    }

    @Override
    public Object invoke(Object self, Method method, Object[] args) throws Throwable {
      String name = method.getName();
      if (method.getDeclaringClass() == Object.class) {
        return name.equals("equals") ? self == args[0] : name.equals("hashCode") ? System.identityHashCode(self)
            : "EngineDoor(" + inner + ")";
      }
      switch (name) {
        case "startBeforeActivity", "startAfterActivity", "startTransition" -> instructions = true;
        case "businessKey", "caseInstanceId" -> keysAndCases.add((String) args[0]);
        case "setVariable", "setVariableLocal" -> {
          variables.add((String) args[0]);
          values.put((String) args[0], args[1]);
        }
        case "setVariables", "setVariablesLocal" -> {
          variables.addAll(names(args[0]));
          if (args[0] instanceof Map<?, ?> map) {
            map.forEach((key, value) -> values.put(String.valueOf(key), value));
          }
        }
        case "execute", "executeWithVariablesInReturn" -> {
          if (args != null && args.length == 2 && (Boolean.TRUE.equals(args[0]) || Boolean.TRUE.equals(args[1]))) {
            throw new AuthorizationException("Niet toegestaan: een start mag de listeners en invoermappings van "
                + "het proces niet overslaan.");
          }
          checkStart(target, keysAndCases, variables, instructions, Answer.START_API);
          checkText(values, Answer.START_API);
          return refusalsTranslated(Answer.START_API, () -> EngineDoor.invoke(inner, method, args));
        }
        default -> {
        }
      }
      Object result = EngineDoor.invoke(inner, method, args);
      return result == inner ? self : result;
    }
  }

  // ------------------------------------------------------------------------------------------------- operators

  private Object operator(String operation, Object[] args, Supplier<Object> call) {
    Authentication authentication = identityService.getCurrentAuthentication();
    String user = authentication == null ? null : authentication.getUserId();
    List<String> groups = authentication == null || authentication.getGroupIds() == null ? List.of()
        : authentication.getGroupIds();
    if (user == null || !groups.contains(Groups.ADMIN)) {
      throw new AuthorizationException("Niet toegestaan: " + operation + " is voorbehouden aan beheerders ("
          + Groups.ADMIN + "); het product zelf doet dit nooit zo (DESIGN-principe 9).");
    }
    String target = args != null && args.length > 0 && args[0] instanceof String id ? id : null;
    Set<String> names = variableNames(args);
    if (operation.endsWith("Variable") || operation.endsWith("VariableLocal")) {
      if (args != null && args.length > 1 && args[1] instanceof String name) {
        names.add(name);
      }
    }
    operatorActions.record(user, operation, target, names.isEmpty() ? null : "variabelen: " + String.join(", ",
        new TreeSet<>(names)));
    log.warn("Operator {} used {} on {} (variables: {})", user, operation, target, names);
    return refusalsTranslatedIn(refusalsTranslated(Answer.START_API, call));
  }

  /**
   * An operator's builder (modification, message correlation, restart, migration): its final call runs the engine
   * command, so a refusal of the product there (e.g. a deciding service whose preconditions are not in the tables)
   * answers 403 with its Dutch message as well, not 500.
   */
  private static Object refusalsTranslatedIn(Object result) {
    if (result == null) {
      return null;
    }
    Class<?>[] builders = java.util.Arrays.stream(result.getClass().getInterfaces())
        .filter(type -> type.getName().startsWith("org.camunda.bpm.engine.") && type.getSimpleName().endsWith("Builder"))
        .toArray(Class<?>[]::new);
    if (builders.length == 0) {
      return result;
    }
    return Proxy.newProxyInstance(builders[0].getClassLoader(), builders, (self, method, args) -> {
      if (method.getDeclaringClass() == Object.class) {
        return method.getName().equals("equals") ? self == args[0]
            : method.getName().equals("hashCode") ? System.identityHashCode(self) : "EngineDoor(" + result + ")";
      }
      Object value = refusalsTranslated(Answer.START_API, () -> invoke(result, method, args));
      return value == result ? self : value;
    });
  }

  // ------------------------------------------------------------------------------------------------- plumbing

  /** Variable names in the call's arguments: the keys of its map arguments (never the values). */
  private static Set<String> variableNames(Object[] args) {
    Set<String> names = new LinkedHashSet<>();
    if (args != null) {
      for (Object arg : args) {
        names.addAll(names(arg));
      }
    }
    return names;
  }

  private static Collection<String> names(Object arg) {
    List<String> names = new ArrayList<>();
    if (arg instanceof Map<?, ?> map) {
      for (Object key : map.keySet()) {
        names.add(String.valueOf(key));
      }
    }
    return names;
  }

  /** The values of the call's text parameters after the first (business key, case instance id), null included. */
  private static List<String> stringArgumentsAfterFirst(Method method, Object[] args) {
    List<String> values = new ArrayList<>();
    Class<?>[] types = method.getParameterTypes();
    for (int i = 1; i < types.length; i++) {
      if (types[i] == String.class) {
        values.add((String) args[i]);
      }
    }
    return values;
  }

  /**
   * How a refusal reaches the caller. The engine REST API answers 403 for an {@link AuthorizationException} on every
   * path, 400 for a {@link FormFieldValidationException} where a form is submitted or a task completed, and 500 for
   * any other engine exception. Its start endpoint ({@code /process-definition/.../start}, the builder API) lets
   * only the first through, so bad input there is refused with 403 as well.
   */
  enum Answer {
    FORM, START_API;

    ProcessEngineException invalid(String message) {
      return invalid(message, null);
    }

    /**
     * {@link FormFieldValidationException} lives in an engine-internal package; it is the only exception the engine
     * REST API turns into a 400 on the form and completion endpoints (Operaton keeps it under its own package).
     */
    ProcessEngineException invalid(String message, Throwable cause) {
      ProcessEngineException refusal = this == FORM ? new FormFieldValidationException(null, message)
          : new AuthorizationException(message);
      if (cause != null) {
        refusal.initCause(cause);
      }
      return refusal;
    }
  }

  /** A refusal of the product inside the engine call, as the exception the engine REST API maps to 400 or 403. */
  static Object refusalsTranslated(Answer answer, Supplier<Object> call) {
    try {
      return call.get();
    } catch (ProcessEngineException e) {
      RefusedStepException refused = RefusedStepException.in(e);
      if (refused == null) {
        throw e;
      }
      if (refused.kind() == RefusedStepException.Kind.NOT_ALLOWED) {
        AuthorizationException forbidden = new AuthorizationException(refused.getMessage());
        forbidden.initCause(refused);
        throw forbidden;
      }
      throw answer.invalid(refused.getMessage(), refused);
    }
  }

  /**
   * Issue 15 item 5: a completion that meets a timer of the same instance firing at that moment fails at commit with
   * an {@link OptimisticLockingException} (the timer's job changed the same rows first). The whole command was rolled
   * back, so it is run again, up to {@value #COMPLETION_ATTEMPTS} times, instead of answering the user with a 500. Only
   * when the completion is its own transaction: inside a caller's transaction the caller decides (the engine cannot
   * undo part of it).
   */
  private static Object retriedAfterConcurrentChange(Supplier<Object> completion) {
    if (TransactionSynchronizationManager.isActualTransactionActive()) {
      return completion.get();
    }
    for (int attempt = 1; ; attempt++) {
      try {
        return completion.get();
      } catch (OptimisticLockingException concurrentChange) {
        if (attempt == COMPLETION_ATTEMPTS) {
          throw concurrentChange;
        }
        log.info("Completion met a concurrent change of the same process instance (a timer or another user); "
            + "attempt {} of {}", attempt + 1, COMPLETION_ATTEMPTS);
      }
    }
  }

  private static Object invoke(Object target, Method method, Object[] args) {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (cause instanceof Error error) {
        throw error;
      }
      throw new ProcessEngineException(cause);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
  }
}
