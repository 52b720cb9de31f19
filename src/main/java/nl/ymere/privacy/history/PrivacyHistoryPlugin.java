package nl.ymere.privacy.history;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.HistoryLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Registers the {@link AllowListHistoryLevel} (selected by {@code camunda.bpm.history-level: privacy-allow-list})
 * and the producer that keeps DMN input values out of history (DESIGN principle 2). The Camunda starter applies
 * every {@code ProcessEnginePlugin} bean before the engine is built.
 */
@Component
class PrivacyHistoryPlugin extends AbstractProcessEnginePlugin {

  private static final Logger LOG = LoggerFactory.getLogger(PrivacyHistoryPlugin.class);

  private final HistoryProperties properties;

  PrivacyHistoryPlugin(HistoryProperties properties) {
    this.properties = properties;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<HistoryLevel> levels = configuration.getCustomHistoryLevels() == null
        ? new ArrayList<>()
        : new ArrayList<>(configuration.getCustomHistoryLevels());
    levels.add(new AllowListHistoryLevel(properties.allowedVariableNames()));
    configuration.setCustomHistoryLevels(levels);
    configuration.setDmnHistoryEventProducer(new DecisionInputsOmittingProducer());
  }

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    HistoryLevel level = configuration.getHistoryLevel();
    if (level instanceof AllowListHistoryLevel allowList) {
      LOG.info("History level {}: variable values recorded only for {}", level.getName(),
          allowList.allowedVariableNames().stream().sorted().toList());
    } else {
      LOG.warn("History level is {}, not {}: personal data in process variables may reach the engine history"
          + " (DESIGN principle 2)", level == null ? "auto" : level.getName(), AllowListHistoryLevel.NAME);
    }
  }
}
