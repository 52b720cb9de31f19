package nl.ymere.privacy.fraud;

import java.time.Clock;
import java.util.List;
import nl.ymere.privacy.process.SystemActions;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricDecisionInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Removes the engine history of dismissed signals whose data were deleted (RET-6, ERA-5: "engine history removed"):
 * the historic process instance with its activities, tasks, variables, decision evaluations, job log and operation
 * log. A process instance cannot delete its own history while it runs, so the deletion step marks the signal and this
 * sweep, on every node every {@code privacy.fraud.history-purge-interval}, removes the history once the instance has
 * ended. Idempotent: a second node finds nothing left. Reports counts only (RET-3).
 */
@Component
class FraudHistoryPurge {

  private static final Logger log = LoggerFactory.getLogger(FraudHistoryPurge.class);

  private final FraudSignalRepository signals;
  private final HistoryService historyService;
  private final SystemActions systemActions;
  private final Clock clock;

  FraudHistoryPurge(FraudSignalRepository signals, HistoryService historyService, SystemActions systemActions,
      Clock clock) {
    this.signals = signals;
    this.historyService = historyService;
    this.systemActions = systemActions;
    this.clock = clock;
  }

  @Scheduled(fixedDelayString = "${privacy.fraud.history-purge-interval:PT1H}",
      initialDelayString = "${privacy.fraud.history-purge-interval:PT1H}")
  void scheduled() {
    try {
      int purged = purgeDeletedSignals();
      if (purged > 0) {
        log.info("Fraud signals: engine history of {} deleted signal(s) removed", purged);
      }
    } catch (RuntimeException e) {
      log.warn("Fraud signal history purge failed: {}", e.getClass().getSimpleName());
    }
  }

  /** Returns how many signals' history was removed now. */
  int purgeDeletedSignals() {
    return systemActions.call(() -> {
      int purged = 0;
      for (String[] pending : signals.awaitingHistoryDeletion()) {
        String reference = pending[0];
        String processInstanceId = pending[1];
        HistoricProcessInstance instance = historyService.createHistoricProcessInstanceQuery()
            .processInstanceId(processInstanceId).singleResult();
        if (instance != null && instance.getEndTime() == null) {
          continue; // still ending; the next run takes it
        }
        List<HistoricDecisionInstance> decisions = historyService.createHistoricDecisionInstanceQuery()
            .processInstanceId(processInstanceId).list();
        decisions.forEach(d -> historyService.deleteHistoricDecisionInstanceByInstanceId(d.getId()));
        historyService.deleteHistoricProcessInstancesIfExists(List.of(processInstanceId));
        if (signals.markHistoryDeleted(reference, clock.instant())) {
          purged++;
        }
      }
      return purged;
    });
  }
}
