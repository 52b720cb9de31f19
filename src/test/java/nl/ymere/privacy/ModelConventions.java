package nl.ymere.privacy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.Error;
import org.camunda.bpm.model.bpmn.instance.Escalation;
import org.camunda.bpm.model.bpmn.instance.ExclusiveGateway;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Lane;
import org.camunda.bpm.model.bpmn.instance.Message;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.Signal;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.bpmn.instance.di.Waypoint;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.xml.instance.DomElement;

/**
 * The conventions every {@code processes/*.bpmn}, {@code processes/*.dmn} and {@code forms/*.form} follows (DESIGN
 * "Guard tests", principles 1, 2 and 8; RET-6): {@link #check(Path)} returns the violations of one file, each naming
 * the file, the element and the rule. Used by {@code ModelConventionsTest} on the real files and proven on the
 * fixtures under {@code src/test/resources/guard-fixtures}.
 */
final class ModelConventions {

  static final String CAMUNDA_NS = "http://camunda.org/schema/1.0/bpmn";

  enum Rule {
    UNREADABLE_FILE,
    /** RET-6: every process and decision sets camunda:historyTimeToLive (days, "n" or "PnD"). */
    HISTORY_TIME_TO_LIVE,
    NOT_EXECUTABLE,
    /** One process per file, its key = the file name (processes/&lt;process-key&gt;.bpmn). */
    PROCESS_ID_NOT_FILE_NAME,
    /** A user task has candidate groups or an assignee expression, so the right group sees it (principle 5). */
    NO_ASSIGNMENT,
    /** A user task, and the start event of a process startable in Tasklist, has a form. */
    NO_FORM,
    /** camunda:formRef names the id of a forms/*.form file. */
    UNKNOWN_FORM,
    /** formRefBinding "deployment" only finds forms deployed with the diagram: a Modeler deploy breaks it. */
    FORM_REF_BINDING,
    /** camunda:delegateExpression ${bean} names a Spring bean. */
    UNKNOWN_BEAN,
    /** camunda:class bypasses Spring (no constructor injection); use a delegateExpression bean. */
    JAVA_CLASS,
    /** Every flow node has a BPMNShape and every sequence flow a BPMNEdge (Modeler shows what runs). */
    NO_DIAGRAM_SHAPE,
    /** Ids that code, logs and tests see are readable, not Modeler-generated. */
    GENERATED_ID,
    /** Each outgoing flow of an exclusive gateway with several is its default or has a condition. */
    UNGUARDED_XOR_FLOW,
    /** A Camunda Form: JSON, id = file name, type "default", typed components, input fields with a key. */
    INVALID_FORM,
    /**
     * A named element's label (event, gateway, flow) lies on no other task, event or gateway, no other label and no
     * other line, so a process owner reads which element it names (issue 16 item 6). Pools, lanes and expanded
     * sub-processes are containers, not obstacles.
     */
    LABEL_OVERLAP,
    /**
     * A sequence flow's line starts on its source's shape and ends on its target's shape (within 2 px of the
     * bounds), so a moved shape does not leave a line pointing at nothing (issue 16 item 6).
     */
    DETACHED_EDGE,
    /** The centre of a flow node's shape lies in the lane whose flowNodeRef names it: what you see is who does it. */
    OUTSIDE_LANE
  }

  record Violation(String file, String element, Rule rule, String message) {

    @Override
    public String toString() {
      return file + " " + element + ": " + message + " [" + rule + "]";
    }
  }

  /**
   * Modeler ids: a type prefix and 7 random base-36 characters ({@code Activity_0vv0hdp}, {@code Flow_1ap5mpv},
   * {@code Gateway_0x1y2z3}); 5-7 lower-case letters and digits with at least one digit, so a readable lower-case
   * word such as {@code Task_archive} is not mistaken for one.
   */
  private static final Pattern RANDOM_SUFFIX = Pattern.compile("^[A-Za-z]+_(?=[0-9a-z]*[0-9])[0-9a-z]{5,7}$");
  /** Numbered ids of empty diagrams and other tools: {@code StartEvent_1}, {@code Task_1}, {@code _3}. */
  private static final Pattern NUMBER_SUFFIX = Pattern.compile("^[A-Za-z]*_\\d+$");
  /** Signavio and other exporters: {@code sid-4F2A...}, UUIDs. */
  private static final Pattern TOOL_ID =
      Pattern.compile("^sid-.*|.*[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}.*");
  private static final Pattern HISTORY_TIME_TO_LIVE_DAYS = Pattern.compile("^(\\d+|P\\d+D)$");
  private static final Pattern BEAN_EXPRESSION = Pattern.compile("^[$#]\\{\\s*([A-Za-z_][A-Za-z0-9_]*)");
  private static final Set<String> INPUT_FIELD_TYPES = Set.of("textfield", "textarea", "number", "checkbox",
      "checklist", "radio", "select", "taglist", "datetime");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path formsDir;
  private final Predicate<String> beanExists;
  private Map<String, Path> formsById;

  /**
   * @param formsDir the directory holding the {@code *.form} files that {@code camunda:formRef} may name
   * @param beanExists whether a Spring bean of that name exists (e.g. {@code ApplicationContext::containsBean})
   */
  ModelConventions(Path formsDir, Predicate<String> beanExists) {
    this.formsDir = formsDir;
    this.beanExists = beanExists;
  }

  /** The files with these extensions directly in {@code dir}, sorted; empty when the directory is missing. */
  static List<Path> files(Path dir, String... extensions) {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> listing = Files.list(dir)) {
      return listing
          .filter(file -> Stream.of(extensions).anyMatch(ext -> file.getFileName().toString().endsWith("." + ext)))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static boolean looksGenerated(String id) {
    return RANDOM_SUFFIX.matcher(id).matches() || NUMBER_SUFFIX.matcher(id).matches()
        || TOOL_ID.matcher(id).matches();
  }

  List<Violation> check(Path file) {
    String name = file.getFileName().toString();
    if (name.endsWith(".bpmn")) {
      return checkBpmn(file);
    }
    if (name.endsWith(".dmn")) {
      return checkDmn(file);
    }
    if (name.endsWith(".form")) {
      return checkForm(file);
    }
    throw new IllegalArgumentException("not a .bpmn, .dmn or .form file: " + file);
  }

  List<Violation> checkBpmn(Path file) {
    Found found = new Found(file);
    BpmnModelInstance model;
    try {
      model = Bpmn.readModelFromFile(file.toFile());
    } catch (RuntimeException e) {
      found.add("-", Rule.UNREADABLE_FILE, "cannot be read as BPMN: " + e.getMessage());
      return found.violations;
    }
    checkBpmnIds(model, found);
    for (Process process : model.getModelElementsByType(Process.class)) {
      checkProcess(process, found);
    }
    for (UserTask task : model.getModelElementsByType(UserTask.class)) {
      checkUserTask(task, found);
    }
    for (StartEvent start : model.getModelElementsByType(StartEvent.class)) {
      checkStartForm(start, found);
    }
    for (ExclusiveGateway gateway : model.getModelElementsByType(ExclusiveGateway.class)) {
      checkExclusiveGateway(gateway, found);
    }
    checkDelegates(model.getDocument().getRootElement(), found);
    checkDiagram(model, found);
    checkLabels(model, found);
    checkEdgeEnds(model, found);
    checkLanes(model, found);
    return found.violations;
  }

  List<Violation> checkDmn(Path file) {
    Found found = new Found(file);
    DmnModelInstance model;
    try {
      model = Dmn.readModelFromFile(file.toFile());
    } catch (RuntimeException e) {
      found.add("-", Rule.UNREADABLE_FILE, "cannot be read as DMN: " + e.getMessage());
      return found.violations;
    }
    checkId(model.getDefinitions().getId(), found);
    for (Decision decision : model.getModelElementsByType(Decision.class)) {
      checkId(decision.getId(), found);
      checkHistoryTimeToLive(decision.getId(), "decision", decision.getCamundaHistoryTimeToLiveString(), found);
    }
    return found.violations;
  }

  List<Violation> checkForm(Path file) {
    Found found = new Found(file);
    JsonNode form;
    try {
      form = JSON.readTree(file.toFile());
    } catch (IOException e) {
      found.add("-", Rule.INVALID_FORM, "is not valid JSON: " + e.getMessage().lines().findFirst().orElse(""));
      return found.violations;
    }
    String expectedId = baseName(file);
    if (!expectedId.equals(form.path("id").asText(null))) {
      found.add("-", Rule.INVALID_FORM, "has id '" + form.path("id").asText("") + "', expected the file name '"
          + expectedId + "'");
    }
    if (!"default".equals(form.path("type").asText(null))) {
      found.add("-", Rule.INVALID_FORM, "has type '" + form.path("type").asText("") + "', expected 'default'");
    }
    if (!form.path("components").isArray()) {
      found.add("-", Rule.INVALID_FORM, "has no components array");
    } else {
      checkFormComponents(form.path("components"), found);
    }
    return found.violations;
  }

  private void checkFormComponents(JsonNode components, Found found) {
    for (JsonNode component : components) {
      String element = component.path("id").asText(component.path("key").asText("?"));
      String type = component.path("type").asText("");
      if (type.isBlank()) {
        found.add(element, Rule.INVALID_FORM, "component has no type");
      } else if (INPUT_FIELD_TYPES.contains(type) && component.path("key").asText("").isBlank()) {
        found.add(element, Rule.INVALID_FORM, type + " field has no key, so it writes no variable");
      }
      if (component.has("components")) {
        checkFormComponents(component.path("components"), found);
      }
    }
  }

  private void checkProcess(Process process, Found found) {
    if (!process.isExecutable()) {
      found.add(process.getId(), Rule.NOT_EXECUTABLE, "process is not executable (isExecutable=\"true\")");
    }
    String expectedKey = baseName(Path.of(found.file));
    if (!expectedKey.equals(process.getId())) {
      found.add(process.getId(), Rule.PROCESS_ID_NOT_FILE_NAME,
          "process id differs from the file name '" + expectedKey + "' (one process per file, key = file name)");
    }
    checkHistoryTimeToLive(process.getId(), "process", process.getCamundaHistoryTimeToLiveString(), found);
  }

  private void checkHistoryTimeToLive(String element, String kind, String value, Found found) {
    if (value == null || value.isBlank()) {
      found.add(element, Rule.HISTORY_TIME_TO_LIVE, kind + " has no camunda:historyTimeToLive (RET-6)");
    } else if (!HISTORY_TIME_TO_LIVE_DAYS.matcher(value.trim()).matches()) {
      found.add(element, Rule.HISTORY_TIME_TO_LIVE,
          kind + " historyTimeToLive '" + value + "' is not a number of days (n or PnD)");
    }
  }

  private void checkUserTask(UserTask task, Found found) {
    boolean hasGroups = task.getCamundaCandidateGroups() != null && !task.getCamundaCandidateGroups().isBlank();
    String assignee = task.getCamundaAssignee();
    boolean hasAssigneeExpression = assignee != null && (assignee.contains("${") || assignee.contains("#{"));
    if (!hasGroups && !hasAssigneeExpression) {
      found.add(task.getId(), Rule.NO_ASSIGNMENT, assignee == null
          ? "user task has no camunda:candidateGroups or assignee expression"
          : "user task is assigned to the fixed user '" + assignee + "'; use candidate groups or an expression");
    }
    checkFormReference(task.getId(), "user task", task.getCamundaFormRef(), task.getCamundaFormRefBinding(),
        task.getCamundaFormKey(), found);
  }

  private void checkStartForm(StartEvent start, Found found) {
    if (!(start.getParentElement() instanceof Process process) || !start.getEventDefinitions().isEmpty()) {
      return; // message, timer, signal starts and sub-process starts open no form
    }
    if (Boolean.FALSE.equals(process.isCamundaStartableInTasklist())) {
      return; // started by the product API or a call activity only, hidden from Tasklist's "Start process"
    }
    checkFormReference(start.getId(), "start event of a process startable in Tasklist", start.getCamundaFormRef(),
        start.getCamundaFormRefBinding(), start.getCamundaFormKey(), found);
  }

  private void checkFormReference(String element, String kind, String formRef, String binding, String formKey,
      Found found) {
    boolean hasFormRef = formRef != null && !formRef.isBlank();
    if (!hasFormRef && (formKey == null || formKey.isBlank())) {
      found.add(element, Rule.NO_FORM, kind + " has no camunda:formRef or camunda:formKey"
          + (kind.startsWith("start") ? " (or set camunda:isStartableInTasklist=\"false\")" : ""));
      return;
    }
    if (hasFormRef && !formsById().containsKey(formRef)) {
      found.add(element, Rule.UNKNOWN_FORM, "camunda:formRef '" + formRef + "' names no form in " + formsDir
          + " (a .form file whose id is '" + formRef + "')");
    }
    if (hasFormRef && "deployment".equals(binding)) {
      found.add(element, Rule.FORM_REF_BINDING, "camunda:formRefBinding=\"deployment\" finds no form after a Modeler"
          + " deploy of this diagram alone; use latest");
    }
  }

  private void checkExclusiveGateway(ExclusiveGateway gateway, Found found) {
    if (gateway.getOutgoing().size() < 2) {
      return;
    }
    SequenceFlow defaultFlow = gateway.getDefault();
    for (SequenceFlow flow : gateway.getOutgoing()) {
      if (flow != defaultFlow && flow.getConditionExpression() == null) {
        found.add(flow.getId(), Rule.UNGUARDED_XOR_FLOW, "leaves exclusive gateway " + gateway.getId()
            + " without a condition and is not its default flow");
      }
    }
  }

  /** Every camunda:delegateExpression and camunda:class, on BPMN elements and on listener elements. */
  private void checkDelegates(DomElement element, Found found) {
    boolean camundaElement = CAMUNDA_NS.equals(element.getNamespaceURI());
    String expression = camundaElement
        ? element.getAttribute("delegateExpression")
        : element.getAttribute(CAMUNDA_NS, "delegateExpression");
    String className = camundaElement ? element.getAttribute("class") : element.getAttribute(CAMUNDA_NS, "class");
    if (expression != null && beanExists != null) {
      Matcher bean = BEAN_EXPRESSION.matcher(expression.trim());
      if (!bean.find() || !beanExists.test(bean.group(1))) {
        found.add(owner(element), Rule.UNKNOWN_BEAN,
            "delegateExpression " + expression + " names no Spring bean");
      }
    }
    if (className != null && !className.isBlank()) {
      found.add(owner(element), Rule.JAVA_CLASS,
          "camunda:class " + className + "; use a delegateExpression naming a Spring bean");
    }
    element.getChildElements().forEach(child -> checkDelegates(child, found));
  }

  private void checkDiagram(BpmnModelInstance model, Found found) {
    Set<String> shapes = new HashSet<>();
    model.getModelElementsByType(BpmnShape.class).forEach(shape -> shapes.add(shape.getAttributeValue("bpmnElement")));
    Set<String> edges = new HashSet<>();
    model.getModelElementsByType(BpmnEdge.class).forEach(edge -> edges.add(edge.getAttributeValue("bpmnElement")));
    for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
      if (!shapes.contains(node.getId())) {
        found.add(node.getId(), Rule.NO_DIAGRAM_SHAPE, "flow node has no BPMNShape in the diagram");
      }
    }
    for (SequenceFlow flow : model.getModelElementsByType(SequenceFlow.class)) {
      if (!edges.contains(flow.getId())) {
        found.add(flow.getId(), Rule.NO_DIAGRAM_SHAPE, "sequence flow has no BPMNEdge in the diagram");
      }
    }
  }

  private record Box(double x, double y, double w, double h) {

    static Box of(org.camunda.bpm.model.bpmn.instance.dc.Bounds bounds) {
      return new Box(bounds.getX(), bounds.getY(), bounds.getWidth(), bounds.getHeight());
    }

    /** Whether the point lies in this box or within 2 px of its border. */
    boolean near(double px, double py) {
      return x - 2 <= px && px <= x + w + 2 && y - 2 <= py && py <= y + h + 2;
    }

    boolean intersects(Box o) {
      return x < o.x + o.w && o.x < x + w && y < o.y + o.h && o.y < y + h;
    }

    /** Whether the line from p to q crosses the inside of this box (1 px in from its border). */
    boolean crossedBy(double[] p, double[] q) {
      double left = x + 1;
      double top = y + 1;
      double right = x + w - 1;
      double bottom = y + h - 1;
      if (p[1] == q[1]) {
        return top < p[1] && p[1] < bottom && Math.min(p[0], q[0]) < right && Math.max(p[0], q[0]) > left;
      }
      if (p[0] == q[0]) {
        return left < p[0] && p[0] < right && Math.min(p[1], q[1]) < bottom && Math.max(p[1], q[1]) > top;
      }
      for (int i = 0; i <= 400; i++) {
        double px = p[0] + (q[0] - p[0]) * i / 400;
        double py = p[1] + (q[1] - p[1]) * i / 400;
        if (left < px && px < right && top < py && py < bottom) {
          return true;
        }
      }
      return false;
    }
  }

  private void checkLabels(BpmnModelInstance model, Found found) {
    Map<String, Box> shapes = new HashMap<>();
    Map<String, Box> labels = new HashMap<>();
    Map<String, List<double[]>> lines = new HashMap<>();
    for (BpmnShape shape : model.getModelElementsByType(BpmnShape.class)) {
      BaseElement element = shape.getBpmnElement();
      if (element == null) {
        continue;
      }
      boolean container = element instanceof org.camunda.bpm.model.bpmn.instance.Participant
          || element instanceof org.camunda.bpm.model.bpmn.instance.Lane
          || element instanceof org.camunda.bpm.model.bpmn.instance.SubProcess;
      if (!container) {
        shapes.put(element.getId(), Box.of(shape.getBounds()));
      }
      if (shape.getBpmnLabel() != null && shape.getBpmnLabel().getBounds() != null
          && element.getAttributeValue("name") != null) {
        labels.put(element.getId(), Box.of(shape.getBpmnLabel().getBounds()));
      }
    }
    for (BpmnEdge edge : model.getModelElementsByType(BpmnEdge.class)) {
      BaseElement element = edge.getBpmnElement();
      if (element == null) {
        continue;
      }
      lines.put(element.getId(), edge.getWaypoints().stream()
          .map(point -> new double[] {point.getX(), point.getY()}).toList());
      if (edge.getBpmnLabel() != null && edge.getBpmnLabel().getBounds() != null
          && element.getAttributeValue("name") != null) {
        labels.put(element.getId(), Box.of(edge.getBpmnLabel().getBounds()));
      }
    }
    labels.forEach((owner, label) -> {
      shapes.forEach((other, shape) -> {
        if (!other.equals(owner) && label.intersects(shape)) {
          found.add(owner, Rule.LABEL_OVERLAP, "label lies on " + other);
        }
      });
      labels.forEach((other, box) -> {
        if (owner.compareTo(other) < 0 && label.intersects(box)) {
          found.add(owner, Rule.LABEL_OVERLAP, "label lies on the label of " + other);
        }
      });
      lines.forEach((other, points) -> {
        for (int i = 0; !other.equals(owner) && i + 1 < points.size(); i++) {
          if (label.crossedBy(points.get(i), points.get(i + 1))) {
            found.add(owner, Rule.LABEL_OVERLAP, "label lies on the line of " + other);
            break;
          }
        }
      });
    });
  }

  private void checkEdgeEnds(BpmnModelInstance model, Found found) {
    Map<String, Box> shapes = new HashMap<>();
    model.getModelElementsByType(BpmnShape.class).forEach(shape -> {
      if (shape.getBpmnElement() != null) {
        shapes.put(shape.getBpmnElement().getId(), Box.of(shape.getBounds()));
      }
    });
    for (BpmnEdge edge : model.getModelElementsByType(BpmnEdge.class)) {
      List<Waypoint> points = List.copyOf(edge.getWaypoints());
      if (!(edge.getBpmnElement() instanceof SequenceFlow flow) || points.size() < 2) {
        continue;
      }
      Waypoint first = points.get(0);
      Waypoint last = points.get(points.size() - 1);
      Box source = shapes.get(flow.getSource().getId());
      Box target = shapes.get(flow.getTarget().getId());
      if (source != null && !source.near(first.getX(), first.getY())) {
        found.add(flow.getId(), Rule.DETACHED_EDGE, "line starts at (" + first.getX() + ", " + first.getY()
            + "), not on its source " + flow.getSource().getId());
      }
      if (target != null && !target.near(last.getX(), last.getY())) {
        found.add(flow.getId(), Rule.DETACHED_EDGE, "line ends at (" + last.getX() + ", " + last.getY()
            + "), not on its target " + flow.getTarget().getId());
      }
    }
  }

  private void checkLanes(BpmnModelInstance model, Found found) {
    Map<String, Box> shapes = new HashMap<>();
    model.getModelElementsByType(BpmnShape.class).forEach(shape -> {
      if (shape.getBpmnElement() != null) {
        shapes.put(shape.getBpmnElement().getId(), Box.of(shape.getBounds()));
      }
    });
    for (Lane lane : model.getModelElementsByType(Lane.class)) {
      Box bounds = shapes.get(lane.getId());
      if (bounds == null) {
        continue;
      }
      for (FlowNode node : lane.getFlowNodeRefs()) {
        Box shape = shapes.get(node.getId());
        if (shape != null && !bounds.near(shape.x + shape.w / 2, shape.y + shape.h / 2)) {
          found.add(node.getId(), Rule.OUTSIDE_LANE, "shape lies outside its lane " + lane.getId());
        }
      }
    }
  }

  private void checkBpmnIds(BpmnModelInstance model, Found found) {
    checkId(model.getDefinitions().getId(), found);
    Stream.of(Process.class, FlowNode.class, SequenceFlow.class, Message.class, Error.class, Signal.class,
            Escalation.class)
        .flatMap(type -> model.getModelElementsByType(type).stream())
        .map(BaseElement::getId)
        .forEach(id -> checkId(id, found));
  }

  private void checkId(String id, Found found) {
    if (id != null && looksGenerated(id)) {
      found.add(id, Rule.GENERATED_ID, "id looks generated; rename it to say what it is (e.g. Task_VerifyIdentity)");
    }
  }

  private Map<String, Path> formsById() {
    if (formsById == null) {
      formsById = new HashMap<>();
      for (Path form : files(formsDir, "form")) {
        try {
          String id = JSON.readTree(form.toFile()).path("id").asText(null);
          if (id != null) {
            formsById.put(id, form);
          }
        } catch (IOException e) {
          // reported by checkForm
        }
      }
    }
    return formsById;
  }

  private static String owner(DomElement element) {
    for (DomElement current = element; current != null; current = current.getParentElement()) {
      String id = current.getAttribute("id");
      if (id != null) {
        return id;
      }
    }
    return "-";
  }

  private static String baseName(Path file) {
    String name = file.getFileName().toString();
    int dot = name.lastIndexOf('.');
    return dot < 0 ? name : name.substring(0, dot);
  }

  /** The violations of one file. */
  private static final class Found {

    private final String file;
    private final List<Violation> violations = new ArrayList<>();

    Found(Path file) {
      this.file = file.toString();
    }

    void add(String element, Rule rule, String message) {
      violations.add(new Violation(file, element, rule, message));
    }
  }
}
