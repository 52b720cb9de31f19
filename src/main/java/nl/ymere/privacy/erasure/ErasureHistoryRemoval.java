package nl.ymere.privacy.erasure;

import nl.ymere.privacy.legalhold.LegalHolds;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.ymere.privacy.fraud.FraudSignalFiles;
import nl.ymere.privacy.personaldata.ItemRef;
import nl.ymere.privacy.personaldata.SubjectKey;
import nl.ymere.privacy.process.SystemActions;
import nl.ymere.privacy.request.RequestRecords;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * ERA-5, RET-6: after a confirmed erasure, the person's other historic process instances are removed from the engine
 * history (with their activities, tasks, variables, decision evaluations and logs). "Other" means the files of the
 * person that the product's tables link to them: their other data-subject requests (same e-mail address, or name
 * with date of birth) and the fraud signals about their tenancy number. Per file, with all its sub-instances:
 * <ul>
 *   <li>the current request's own instances (main process, identity verification, this erasure) are kept: the
 *   request file is accountability evidence (RET-5);</li>
 *   <li>a file under a legal hold is skipped: a hold in {@link LegalHolds} (RET-4: on the person, on the file kind
 *   or on the file itself, see {@link #REQUEST_FILES} and {@link #FRAUD_SIGNAL_FILES}), or a hold placed in the
 *   engine by moving the file's removal time past its end plus historyTimeToLive (RET-6, see HistoryRetentionTest);
 *   </li>
 *   <li>a file with a running instance is left alone: its history goes with its own retention;</li>
 *   <li>everything else is deleted.</li>
 * </ul>
 * The request's event log gets the counts and the references of the files left alone, never content (SEC-3).
 */
@Service
public class ErasureHistoryRemoval {

  /** Legal-hold system name of a data-subject request file (item id = its reference). */
  public static final String REQUEST_FILES = LegalHolds.REQUEST_FILES;
  /** Legal-hold system name of a fraud-signal file (item id = its reference). */
  public static final String FRAUD_SIGNAL_FILES = LegalHolds.FRAUD_SIGNAL_FILES;
  static final String EVENT = "ERASURE_HISTORY_REMOVED";

  private static final int DETAIL_LIMIT = 1000;

  private final ErasureService erasures;
  private final RequestRecords requests;
  private final FraudSignalFiles fraudSignals;
  private final LegalHolds legalHolds;
  private final HistoryService historyService;
  private final RepositoryService repositoryService;
  private final SystemActions systemActions;
  private final Clock clock;

  ErasureHistoryRemoval(ErasureService erasures, RequestRecords requests, FraudSignalFiles fraudSignals,
      LegalHolds legalHolds, HistoryService historyService, RepositoryService repositoryService,
      SystemActions systemActions, Clock clock) {
    this.erasures = erasures;
    this.requests = requests;
    this.fraudSignals = fraudSignals;
    this.legalHolds = legalHolds;
    this.historyService = historyService;
    this.repositoryService = repositoryService;
    this.systemActions = systemActions;
    this.clock = clock;
  }

  /** What the removal did: counts, and the references of the files it left alone. */
  public record Result(int removedFiles, int removedInstances, int removedDecisions, List<String> held,
      List<String> running) {

    String detail() {
      String text = "files=" + removedFiles + " instances=" + removedInstances + " decisions=" + removedDecisions
          + " held=" + held.size() + (held.isEmpty() ? "" : " " + held)
          + " running=" + running.size() + (running.isEmpty() ? "" : " " + running);
      return text.length() > DETAIL_LIMIT ? text.substring(0, DETAIL_LIMIT - 1) + "…" : text;
    }
  }

  /**
   * Removes the history of the person's other finished files. Runs without the confirming user's engine
   * authorizations: the four-eyes confirmation of the erasure (ERA-4) is the authority for it.
   */
  @Transactional
  public Result removeOtherHistory(String reference) {
    erasures.requireMayErase(reference); // ID-1, ERA-4 on the product's tables, as for the erasure itself
    SubjectKey subject = erasures.subjectOf(reference);
    LocalDate today = LocalDate.now(clock);
    Map<String, ItemRef> files = new LinkedHashMap<>();
    requests.referencesAbout(subject.email(), subject.name(), subject.dateOfBirth()).stream()
        .filter(other -> !other.equals(reference))
        .forEach(other -> files.put(other, new ItemRef(REQUEST_FILES, other)));
    fraudSignals.referencesForTenancy(subject.tenancyNumber())
        .forEach(signal -> files.put(signal, new ItemRef(FRAUD_SIGNAL_FILES, signal)));

    Result result = systemActions.call(() -> {
      int removedFiles = 0;
      int removedInstances = 0;
      int removedDecisions = 0;
      List<String> held = new ArrayList<>();
      List<String> running = new ArrayList<>();
      for (Map.Entry<String, ItemRef> file : files.entrySet()) {
        List<HistoricProcessInstance> instances = instancesOf(file.getKey());
        if (instances.isEmpty()) {
          continue;
        }
        if (legalHolds.holding(subject, file.getValue(), today).isPresent() || heldInTheEngine(instances)) {
          held.add(file.getKey());
        } else if (instances.stream().anyMatch(instance -> instance.getEndTime() == null)) {
          running.add(file.getKey());
        } else {
          List<String> ids = instances.stream().map(HistoricProcessInstance::getId).toList();
          for (String id : ids) {
            removedDecisions += deleteDecisions(id);
          }
          historyService.deleteHistoricProcessInstancesIfExists(ids);
          removedFiles++;
          removedInstances += ids.size();
        }
      }
      return new Result(removedFiles, removedInstances, removedDecisions, List.copyOf(held), List.copyOf(running));
    });
    requests.addEvent(requests.getByReference(reference).id(), clock.instant(), EVENT, null, result.detail());
    return result;
  }

  /** The instances of one file: those with its reference as business key and all their called instances. */
  private List<HistoricProcessInstance> instancesOf(String businessKey) {
    List<HistoricProcessInstance> found = new ArrayList<>(historyService.createHistoricProcessInstanceQuery()
        .processInstanceBusinessKey(businessKey).list());
    for (int i = 0; i < found.size(); i++) {
      for (HistoricProcessInstance sub : historyService.createHistoricProcessInstanceQuery()
          .superProcessInstanceId(found.get(i).getId()).list()) {
        if (found.stream().noneMatch(known -> known.getId().equals(sub.getId()))) {
          found.add(sub);
        }
      }
    }
    return found;
  }

  /**
   * RET-6: a legal hold on history moves the removal time beyond what the strategy "end" gives (end of the root
   * instance plus its definition's historyTimeToLive); such a file is held.
   */
  private boolean heldInTheEngine(List<HistoricProcessInstance> instances) {
    Instant natural = null;
    for (HistoricProcessInstance instance : instances) {
      if (instance.getSuperProcessInstanceId() == null && instance.getEndTime() != null) {
        Integer days = repositoryService.getProcessDefinition(instance.getProcessDefinitionId())
            .getHistoryTimeToLive();
        if (days != null) {
          Instant removal = instance.getEndTime().toInstant().plus(Duration.ofDays(days));
          natural = natural == null || removal.isAfter(natural) ? removal : natural;
        }
      }
    }
    Instant limit = natural;
    return limit != null && instances.stream()
        .anyMatch(instance -> instance.getRemovalTime() != null && instance.getRemovalTime().toInstant().isAfter(limit));
  }

  private int deleteDecisions(String processInstanceId) {
    var decisions = historyService.createHistoricDecisionInstanceQuery().processInstanceId(processInstanceId).list();
    decisions.forEach(decision -> historyService.deleteHistoricDecisionInstanceByInstanceId(decision.getId()));
    return decisions.size();
  }
}
