package nl.ymere.privacy.history;

import java.util.Set;
import org.camunda.bpm.engine.ActivityTypes;
import org.camunda.bpm.engine.impl.history.AbstractHistoryLevel;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEventType;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.camunda.bpm.engine.impl.migration.instance.MigratingVariableInstance;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.runtime.VariableInstance;

/**
 * History level "FULL without personal data" (DESIGN principle 2, SEC-3, RET-6): every history event of level FULL
 * is produced (activities, tasks, incidents, jobs, identity links, operation log, decisions, removal times), except
 * <ul>
 *   <li>variable events (create, update, update detail, migrate, delete) of variables whose name is not on the
 *       allow-list, so their values never reach ACT_HI_VARINST, ACT_HI_DETAIL or history byte arrays;</li>
 *   <li>variable update details (ACT_HI_DETAIL, one row per change of every allowed variable): the current value in
 *       ACT_HI_VARINST is kept, while who changed what and when is the product's own event log (e.g. the request's
 *       events); leaving the duplicate change log out halves the history writes of every variable;</li>
 *   <li>form property events, which would copy every submitted form field into ACT_HI_DETAIL whatever its name.
 *       The engine passes no field name to this check, so they are all skipped; the variables a form writes are
 *       still recorded through the variable events above when they are allow-listed;</li>
 *   <li>activity instances of gateways: they route, nobody works in them, and the path taken shows in the tasks,
 *       events and sub-processes that follow (all kept). Every pass through a gateway would otherwise write one
 *       ACT_HI_ACTINST row, five of them when a request is registered (issue 4 benchmark);</li>
 *   <li>activity instances of none start events (no message, timer, signal or other trigger): nothing happens in
 *       them, and the start they mark is recorded already, with its time, as the start of their process instance
 *       (ACT_HI_PROCINST, start activity included) or of their sub-process (its own activity instance). A
 *       registration starts three such events (request, identity check, deadline watch). Start events with a
 *       trigger are kept: which message or timer started something is information.</li>
 * </ul>
 * DMN input values are not a history-level decision (the level only sees the whole evaluation event); they are left
 * out by {@link DecisionInputsOmittingProducer}.
 */
final class AllowListHistoryLevel extends AbstractHistoryLevel {

  /** The value of {@code camunda.bpm.history-level}. */
  static final String NAME = "privacy-allow-list";
  /** Stored by the engine in ACT_GE_PROPERTY ("historyLevel"); must differ from the built-in levels 0-3. */
  static final int ID = 31;

  private final Set<String> allowedVariableNames;

  AllowListHistoryLevel(Set<String> allowedVariableNames) {
    this.allowedVariableNames = Set.copyOf(allowedVariableNames);
  }

  @Override
  public int getId() {
    return ID;
  }

  @Override
  public String getName() {
    return NAME;
  }

  @Override
  public boolean isHistoryEventProduced(HistoryEventType eventType, Object entity) {
    if (eventType == HistoryEventTypes.FORM_PROPERTY_UPDATE
        || eventType == HistoryEventTypes.VARIABLE_INSTANCE_UPDATE_DETAIL) {
      return false;
    }
    if (isActivityInstanceEvent(eventType) && entity instanceof ExecutionEntity execution
        && (isGateway(execution.getActivity()) || isNoneStartEvent(execution.getActivity()))) {
      return false;
    }
    if (isVariableEvent(eventType) && entity != null) {
      // a null entity asks whether such events are produced "in general": they are, for allowed names
      return allowedVariableNames.contains(variableName(entity));
    }
    return true;
  }

  Set<String> allowedVariableNames() {
    return allowedVariableNames;
  }

  private static boolean isActivityInstanceEvent(HistoryEventType eventType) {
    return eventType == HistoryEventTypes.ACTIVITY_INSTANCE_START
        || eventType == HistoryEventTypes.ACTIVITY_INSTANCE_END
        || eventType == HistoryEventTypes.ACTIVITY_INSTANCE_UPDATE;
  }

  /** Exclusive, parallel, inclusive, complex and event-based gateways ("exclusiveGateway", ...). */
  private static boolean isGateway(ActivityImpl activity) {
    return activity != null && activity.getProperty("type") instanceof String type && type.endsWith("Gateway");
  }

  /** A start event without a trigger ("startEvent"; message, timer and other start events have their own type). */
  private static boolean isNoneStartEvent(ActivityImpl activity) {
    return activity != null && ActivityTypes.START_EVENT.equals(activity.getProperty("type"));
  }

  private static boolean isVariableEvent(HistoryEventType eventType) {
    return eventType == HistoryEventTypes.VARIABLE_INSTANCE_CREATE
        || eventType == HistoryEventTypes.VARIABLE_INSTANCE_UPDATE
        || eventType == HistoryEventTypes.VARIABLE_INSTANCE_UPDATE_DETAIL
        || eventType == HistoryEventTypes.VARIABLE_INSTANCE_MIGRATE
        || eventType == HistoryEventTypes.VARIABLE_INSTANCE_DELETE;
  }

  /** The variable's name, or null (never allowed) for an entity this level does not know. */
  private static String variableName(Object entity) {
    if (entity instanceof VariableInstance variable) {
      return variable.getName();
    }
    if (entity instanceof HistoricVariableUpdateEventEntity update) {
      return update.getVariableName();
    }
    if (entity instanceof MigratingVariableInstance migrating) {
      return migrating.getVariableName();
    }
    return null;
  }
}
