package nl.ymere.privacy.fraud;

import java.time.Clock;
import nl.ymere.privacy.process.SystemActions;
import org.camunda.bpm.engine.RuntimeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Deletes the data of dismissed signals whose retention has ended but whose assessment process no longer waits to
 * do it (RET-1, RET-2, RET-3): a signal dismissed by a human review (ADM-6, dsr-human-review) after its process had
 * ended with an investigation. A signal whose process still waits at its deletion timer is left to that timer.
 * Runs with the history purge interval on every node; idempotent. Reports counts only.
 */
@Component
class DismissedSignalSweep {

  private static final Logger log = LoggerFactory.getLogger(DismissedSignalSweep.class);

  private final FraudSignalRepository signals;
  private final FraudOutcomeService outcomes;
  private final RuntimeService runtimeService;
  private final SystemActions systemActions;
  private final Clock clock;

  DismissedSignalSweep(FraudSignalRepository signals, FraudOutcomeService outcomes, RuntimeService runtimeService,
      SystemActions systemActions, Clock clock) {
    this.signals = signals;
    this.outcomes = outcomes;
    this.runtimeService = runtimeService;
    this.systemActions = systemActions;
    this.clock = clock;
  }

  @Scheduled(fixedDelayString = "${privacy.fraud.history-purge-interval:PT1H}",
      initialDelayString = "${privacy.fraud.history-purge-interval:PT1H}")
  void scheduled() {
    try {
      int deleted = deleteDismissedPastRetention();
      if (deleted > 0) {
        log.info("Fraud signals: data of {} dismissed signal(s) past retention deleted by the sweep", deleted);
      }
    } catch (RuntimeException e) {
      log.warn("Dismissed fraud signal sweep failed: {}", e.getClass().getSimpleName());
    }
  }

  /** Returns how many signals' data were deleted now. */
  int deleteDismissedPastRetention() {
    return systemActions.call(() -> {
      int deleted = 0;
      for (String reference : signals.dismissedPastRetention(clock.instant())) {
        String processInstanceId = signals.getByReference(reference).processInstanceId();
        boolean processWaits = processInstanceId != null
            && runtimeService.createProcessInstanceQuery().processInstanceId(processInstanceId).count() > 0;
        if (!processWaits && outcomes.deleteSignalData(reference)) {
          deleted++;
        }
      }
      return deleted;
    });
  }
}
