package nl.ymere.privacy.erasure;

import nl.ymere.privacy.legalhold.LegalHolds;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import nl.ymere.privacy.fraud.FraudSignalFiles;
import nl.ymere.privacy.fraud.FraudSignalProcess;
import nl.ymere.privacy.process.SystemActions;
import nl.ymere.privacy.request.DataSubjectRequestProcess;
import nl.ymere.privacy.request.RequestRecords;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstanceQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * RET-4, RET-6 (issue 15 item 6): a legal hold keeps the engine history of the files it covers. The history cleanup
 * (removal-time based) deletes a finished instance once its removal time has passed; while a hold runs, the removal
 * time of the covered files' finished process instances (with their whole hierarchy) is cleared, so the cleanup
 * never takes them; when no hold covers them any more it is calculated again from their end and the definition's
 * historyTimeToLive, as if there had never been a hold.
 *
 * <p>What a hold covers in the engine: the data-subject request files ({@link ErasureHistoryRemoval#REQUEST_FILES})
 * and fraud-signal files ({@link ErasureHistoryRemoval#FRAUD_SIGNAL_FILES}) of a held person (by e-mail address or
 * tenancy number), a held file (item hold), or all files of a held kind (system hold). {@code privacy.history_hold}
 * names the instances whose removal time the product cleared, so only those are restored.
 *
 * <p>The reconciliation runs after each change of a hold, and daily (files that ended after the hold was placed, and
 * holds whose end date passed). It compares the wanted state with the engine's and only changes the difference, so
 * running it on every node or twice is harmless. Changes go through the public batch API
 * ({@code setRemovalTimeToHistoricProcessInstances}), which the job executor runs.
 */
@Service
public class HistoryHolds {

  private static final Logger log = LoggerFactory.getLogger(HistoryHolds.class);

  private final LegalHolds legalHolds;
  private final RequestRecords requests;
  private final FraudSignalFiles fraudSignals;
  private final HistoryService historyService;
  private final SystemActions systemActions;
  private final JdbcTemplate jdbc;
  private final Clock clock;

  HistoryHolds(LegalHolds legalHolds, RequestRecords requests, FraudSignalFiles fraudSignals,
      HistoryService historyService, SystemActions systemActions, JdbcTemplate jdbc, Clock clock) {
    this.legalHolds = legalHolds;
    this.requests = requests;
    this.fraudSignals = fraudSignals;
    this.historyService = historyService;
    this.systemActions = systemActions;
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** What one reconciliation changed: instances newly kept, and instances whose removal time was restored. */
  public record Result(int held, int restored) {
  }

  @EventListener
  void onHoldChanged(LegalHolds.Changed changed) {
    Result result = reconcile();
    log.info("Legal hold {} changed: engine history of {} instance(s) now kept, of {} restored", changed.holdId(),
        result.held(), result.restored());
  }

  @Scheduled(cron = "${privacy.legal-holds.history-cron:0 30 0 * * *}", zone = "${privacy.time-zone}")
  void daily() {
    try {
      Result result = reconcile();
      if (result.held() + result.restored() > 0) {
        log.info("Legal holds: engine history of {} instance(s) now kept, of {} restored", result.held(),
            result.restored());
      }
    } catch (RuntimeException e) {
      log.warn("Legal hold reconciliation of engine history failed: {}", e.getClass().getSimpleName());
    }
  }

  /**
   * Brings the removal times in line with the running holds. The changes are batches; the job executor applies them.
   */
  public Result reconcile() {
    return systemActions.call(() -> {
      Set<String> covered = coveredFinishedRoots();
      List<String> toHold = new ArrayList<>();
      for (String root : covered) {
        HistoricProcessInstance instance = historicInstance(root);
        if (instance != null && instance.getRemovalTime() != null) {
          toHold.add(root);
          remember(root);
        }
      }
      List<String> toRestore = new ArrayList<>();
      for (String root : jdbc.queryForList("SELECT root_process_instance_id FROM privacy.history_hold",
          String.class)) {
        if (!covered.contains(root)) {
          if (historicInstance(root) != null) {
            toRestore.add(root);
          }
          jdbc.update("DELETE FROM privacy.history_hold WHERE root_process_instance_id = ?", root);
        }
      }
      if (!toHold.isEmpty()) {
        historyService.setRemovalTimeToHistoricProcessInstances().clearedRemovalTime()
            .byIds(toHold.toArray(String[]::new)).hierarchical().executeAsync();
      }
      if (!toRestore.isEmpty()) {
        historyService.setRemovalTimeToHistoricProcessInstances().calculatedRemovalTime()
            .byIds(toRestore.toArray(String[]::new)).hierarchical().executeAsync();
      }
      return new Result(toHold.size(), toRestore.size());
    });
  }

  private Set<String> coveredFinishedRoots() {
    Set<String> roots = new LinkedHashSet<>();
    for (LegalHolds.Scope hold : legalHolds.running(LocalDate.now(clock))) {
      boolean requestFiles = hold.system() == null || ErasureHistoryRemoval.REQUEST_FILES.equals(hold.system());
      boolean signalFiles = hold.system() == null || ErasureHistoryRemoval.FRAUD_SIGNAL_FILES.equals(hold.system());
      boolean subject = hold.subjectEmail() != null || hold.subjectTenancyNumber() != null;
      if (hold.itemId() != null) {
        if (requestFiles || signalFiles) {
          roots.addAll(finishedRoots(hold.itemId()));
        }
      } else if (subject) {
        if (requestFiles) {
          requests.referencesAbout(hold.subjectEmail(), null, null).forEach(file -> roots.addAll(finishedRoots(file)));
        }
        if (signalFiles) {
          fraudSignals.referencesForTenancy(hold.subjectTenancyNumber())
              .forEach(file -> roots.addAll(finishedRoots(file)));
        }
      } else if (requestFiles) {
        roots.addAll(ids(finishedRootQuery().processDefinitionKey(DataSubjectRequestProcess.KEY)));
      } else if (signalFiles) {
        roots.addAll(ids(finishedRootQuery().processDefinitionKey(FraudSignalProcess.KEY)));
      }
    }
    return roots;
  }

  private List<String> finishedRoots(String businessKey) {
    return ids(finishedRootQuery().processInstanceBusinessKey(businessKey));
  }

  private HistoricProcessInstanceQuery finishedRootQuery() {
    return historyService.createHistoricProcessInstanceQuery().rootProcessInstances().finished();
  }

  private static List<String> ids(HistoricProcessInstanceQuery query) {
    return query.list().stream().map(HistoricProcessInstance::getId).toList();
  }

  private HistoricProcessInstance historicInstance(String id) {
    return historyService.createHistoricProcessInstanceQuery().processInstanceId(id).singleResult();
  }

  private void remember(String root) {
    if (jdbc.queryForObject("SELECT COUNT(*) FROM privacy.history_hold WHERE root_process_instance_id = ?",
        Integer.class, root) == 0) {
      try {
        jdbc.update("INSERT INTO privacy.history_hold (root_process_instance_id, held_since) VALUES (?, ?)", root,
            Timestamp.from(clock.instant()));
      } catch (DuplicateKeyException anotherNode) {
        // the same reconciliation on another node remembered it first
      }
    }
  }
}
