package nl.ymere.privacy.security;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * Puts the {@link EngineDoor} in front of the engine's runtime, task and form services, so every caller — the engine
 * REST API, the webapps, Tasklist, the product's own code — meets the same rules (DESIGN principle 9). The services
 * are replaced after the engine initialised them and before the engine object is built from them; a process engine
 * plugin is the engine's public extension point (its base class lives in an {@code impl} package in Camunda 7 and
 * Operaton alike).
 */
@Component
class EngineDoorPlugin extends AbstractProcessEnginePlugin {

  private final OperatorActions operatorActions;

  EngineDoorPlugin(OperatorActions operatorActions) {
    this.operatorActions = operatorActions;
  }

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    FormFields formFields = new FormFields(configuration.getFormService(), configuration.getRepositoryService(),
        configuration.getIdentityService());
    EngineDoor door = new EngineDoor(formFields, configuration.getIdentityService(), operatorActions);
    configuration.setRuntimeService(door.guard(configuration.getRuntimeService()));
    configuration.setTaskService(door.guard(configuration.getTaskService()));
    configuration.setFormService(door.guard(configuration.getFormService()));
  }
}
