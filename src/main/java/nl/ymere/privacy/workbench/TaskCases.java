package nl.ymere.privacy.workbench;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import nl.ymere.privacy.breach.BreachCases;
import nl.ymere.privacy.breach.BreachCases.BreachCase;
import nl.ymere.privacy.breach.BreachProcess;
import nl.ymere.privacy.camera.CameraCases;
import nl.ymere.privacy.camera.CameraCases.CameraCase;
import nl.ymere.privacy.camera.CameraProtocolProcess;
import nl.ymere.privacy.apinquiry.ApInquiryCases;
import nl.ymere.privacy.apinquiry.ApInquiryProcess;
import nl.ymere.privacy.complaint.ComplaintCases;
import nl.ymere.privacy.complaint.ComplaintCases.ComplaintCase;
import nl.ymere.privacy.complaint.ComplaintProcess;
import nl.ymere.privacy.disclosure.DisclosureCases;
import nl.ymere.privacy.disclosure.DisclosureCases.DisclosureCase;
import nl.ymere.privacy.disclosure.DisclosureDemandProcess;
import nl.ymere.privacy.consent.ConsentCases;
import nl.ymere.privacy.consent.ConsentWithdrawalProcess;
import nl.ymere.privacy.fraud.FraudSignalCases;
import nl.ymere.privacy.fraud.FraudSignalCases.FraudCase;
import nl.ymere.privacy.fraud.FraudSignalProcess;
import nl.ymere.privacy.process.SystemActions;
import nl.ymere.privacy.process.TaskScreen;
import nl.ymere.privacy.processor.AgreementCases;
import nl.ymere.privacy.processor.AgreementCases.AgreementCase;
import nl.ymere.privacy.processor.ProcessorAgreementProcess;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;

/**
 * The case of a task (issue 16 item 1). The task is looked up with the caller's engine authentication (set for
 * {@code /werkbank} by the engine authentication filter), so only a user who may see the task in Tasklist sees its
 * case; definition and business key are then read as the system.
 */
@Service
public class TaskCases {

  /** The processes whose business key is a data-subject request's reference. */
  static final Set<String> REQUEST_PROCESSES = Set.of("data-subject-request", "identity-verification");

  private final TaskService taskService;
  private final RuntimeService runtimeService;
  private final RepositoryService repositoryService;
  private final SystemActions system;
  private final RequestCases requests;
  private final CameraCases cameras;
  private final AgreementCases agreements;
  private final FraudSignalCases fraudSignals;
  private final IdentityService identityService;
  private final List<TaskScreen> screens;
  private final BreachCases breaches;
  private final ComplaintCases complaints;
  private final DisclosureCases disclosures;
  private final ApInquiryCases apInquiries;
  private final ConsentCases consents;

  TaskCases(TaskService taskService, RuntimeService runtimeService, RepositoryService repositoryService,
      SystemActions system, RequestCases requests, CameraCases cameras, AgreementCases agreements,
      FraudSignalCases fraudSignals, IdentityService identityService, List<TaskScreen> screens,
      BreachCases breaches, ComplaintCases complaints, DisclosureCases disclosures, ConsentCases consents,
      ApInquiryCases apInquiries) {
    this.breaches = breaches;
    this.consents = consents;
    this.screens = List.copyOf(screens);
    this.complaints = complaints;
    this.disclosures = disclosures;
    this.apInquiries = apInquiries;
    this.taskService = taskService;
    this.runtimeService = runtimeService;
    this.repositoryService = repositoryService;
    this.system = system;
    this.requests = requests;
    this.cameras = cameras;
    this.agreements = agreements;
    this.fraudSignals = fraudSignals;
    this.identityService = identityService;
  }

  /** The task's case, or empty when the task does not exist or the caller may not see it. */
  public Optional<TaskCase> find(String taskId) {
    Task task = taskService.createTaskQuery().taskId(taskId).singleResult();
    if (task == null) {
      return Optional.empty();
    }
    String screenKey = task.getTaskDefinitionKey();
    Task processTask = task;
    if (task.getProcessInstanceId() == null) {
      // a product-made subtask (e.g. a restricted team's part of an access review): the case of its parent, the
      // screen registered for the parent's subtasks (TaskScreen.subtaskOf); the caller's right was checked above
      processTask = task.getParentTaskId() == null ? null : system.call(() -> taskService.createTaskQuery()
          .taskId(task.getParentTaskId()).singleResult());
      if (processTask == null || processTask.getProcessInstanceId() == null) {
        return Optional.empty();
      }
      screenKey = TaskScreen.subtaskOf(processTask.getTaskDefinitionKey());
    }
    return Optional.of(caseOf(task, processTask, screenKey));
  }

  private TaskCase caseOf(Task task, Task processTask, String screenKey) {
    ProcessDefinition definition = system.call(() -> repositoryService.getProcessDefinition(
        processTask.getProcessDefinitionId()));
    ProcessInstance instance = system.call(() -> runtimeService.createProcessInstanceQuery()
        .processInstanceId(processTask.getProcessInstanceId()).singleResult());
    String reference = instance == null ? null : instance.getBusinessKey();
    String key = definition.getKey();
    RequestCase request = isRequestProcess(key) && reference != null ? requests.find(reference).orElse(null) : null;
    CameraCase camera = CameraProtocolProcess.KEY.equals(key) && reference != null
        ? cameras.find(reference).orElse(null) : null;
    AgreementCase agreement = ProcessorAgreementProcess.KEY.equals(key) && reference != null
        ? agreements.find(reference).orElse(null) : null;
    // a fraud signal's data are read for the viewer and the read is logged (SEC-1)
    FraudCase fraud = FraudSignalProcess.KEY.equals(key) && reference != null
        ? fraudSignals.find(reference, viewer()).orElse(null) : null;
    BreachCase breach = BreachProcess.KEY.equals(key) && reference != null
        ? breaches.find(reference).orElse(null) : null;
    ComplaintCase complaint = ComplaintProcess.KEY.equals(key) && reference != null
        ? complaints.find(reference).orElse(null) : null;
    DisclosureCase disclosure = DisclosureDemandProcess.KEY.equals(key) && reference != null
        ? disclosures.find(reference).orElse(null) : null;
    return new TaskCase(task.getId(), task.getName(), task.getTaskDefinitionKey(), key,
        definition.getName(), reference, task.getAssignee(), task.getDueDate(), request, camera, agreement, fraud,
        screens.stream().filter(screen -> screen.serves(key, screenKey)).findFirst().orElse(null), breach, complaint,
        disclosure, ConsentWithdrawalProcess.KEY.equals(key) && reference != null
            ? consents.find(reference).orElse(null) : null,
        ApInquiryProcess.KEY.equals(key) && reference != null ? apInquiries.find(reference).orElse(null) : null);
  }

  private String viewer() {
    var authentication = identityService.getCurrentAuthentication();
    return authentication == null ? null : authentication.getUserId();
  }

  static boolean isRequestProcess(String processKey) {
    return REQUEST_PROCESSES.contains(processKey) || processKey.startsWith("dsr-");
  }
}
