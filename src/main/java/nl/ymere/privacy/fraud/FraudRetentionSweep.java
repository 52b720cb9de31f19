package nl.ymere.privacy.fraud;

import java.time.Clock;
import java.util.List;
import nl.ymere.privacy.process.SystemActions;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricDecisionInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The fraud capability's retention sweep, on every node every {@code privacy.fraud.history-purge-interval}; idempotent
 * (a second node finds nothing left) and reporting counts only (RET-3). It does two things:
 * <ol>
 *   <li>deletes the data of dismissed signals whose retention has ended but whose assessment process no longer waits
 *       to do it (RET-1, RET-2): a signal dismissed by a human review (ADM-6, dsr-human-review) after its process had
 *       ended with an investigation; a signal whose process still waits at its deletion timer is left to that timer;
 *   </li>
 *   <li>removes the engine history of signals whose data were deleted (RET-6, ERA-5: "engine history removed"):
 *       the historic process instance with its activities, tasks, variables, decision evaluations, job log and
 *       operation log. A process instance cannot delete its own history while it runs, so the deletion step marks the
 *       signal and this sweep removes the history once the instance has ended.</li>
 * </ol>
 */
@Component
class FraudRetentionSweep {

  private static final Logger log = LoggerFactory.getLogger(FraudRetentionSweep.class);

  private final FraudSignalRepository signals;
  private final FraudOutcomeService outcomes;
  private final RuntimeService runtimeService;
  private final HistoryService historyService;
  private final SystemActions systemActions;
  private final Clock clock;

  FraudRetentionSweep(FraudSignalRepository signals, FraudOutcomeService outcomes, RuntimeService runtimeService,
      HistoryService historyService, SystemActions systemActions, Clock clock) {
    this.signals = signals;
    this.outcomes = outcomes;
    this.runtimeService = runtimeService;
    this.historyService = historyService;
    this.systemActions = systemActions;
    this.clock = clock;
  }

  @Scheduled(fixedDelayString = "${privacy.fraud.history-purge-interval:PT1H}",
      initialDelayString = "${privacy.fraud.history-purge-interval:PT1H}")
  void scheduled() {
    try {
      int deleted = deleteDismissedPastRetention();
      int purged = purgeDeletedSignals();
      if (deleted + purged > 0) {
        log.info("Fraud signals: data of {} dismissed signal(s) past retention deleted, engine history of {} "
            + "deleted signal(s) removed", deleted, purged);
      }
    } catch (RuntimeException e) {
      log.warn("Fraud signal retention sweep failed: {}", e.getClass().getSimpleName());
    }
  }

  /** Returns how many dismissed signals' data were deleted now (those no process timer will delete). */
  int deleteDismissedPastRetention() {
    return systemActions.call(() -> {
      int deleted = 0;
      for (String[] dismissed : signals.dismissedPastRetention(clock.instant())) {
        String reference = dismissed[0];
        String processInstanceId = dismissed[1];
        boolean processWaits = processInstanceId != null
            && runtimeService.createProcessInstanceQuery().processInstanceId(processInstanceId).count() > 0;
        if (!processWaits && outcomes.deleteSignalData(reference)) {
          deleted++;
        }
      }
      return deleted;
    });
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
