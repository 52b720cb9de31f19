package nl.ymere.privacy.request;

import static nl.ymere.privacy.request.DataSubjectRequestProcess.Variables.DUE_DATE;
import static nl.ymere.privacy.request.DataSubjectRequestProcess.Variables.INTERNAL_TARGET;
import static nl.ymere.privacy.request.DataSubjectRequestProcess.Variables.PAUSED;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import nl.ymere.privacy.deadline.DeadlineCalculator;
import nl.ymere.privacy.deadline.Deadlines;
import nl.ymere.privacy.deadline.Pause;
import nl.ymere.privacy.process.ProductCalls;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * The one way a request's deadline changes (extension, pause start, pause end): stores the recomputed dates,
 * re-creates the timers of the deadline watch (message {@code DeadlineChanged}, because timer dates are evaluated
 * only once) and moves the due and follow-up dates of every open task of the request (DL-3, DL-6, DL-8, DL-11).
 */
@Service
public class RequestDeadlineService {

  private static final Logger log = LoggerFactory.getLogger(RequestDeadlineService.class);

  private final RequestRepository requests;
  private final DeadlineCalculator calculator;
  private final RuntimeService runtimeService;
  private final TaskService taskService;
  private final RequestDeadlineProperties properties;
  private final Clock clock;

  RequestDeadlineService(RequestRepository requests, DeadlineCalculator calculator, RuntimeService runtimeService,
      TaskService taskService, RequestDeadlineProperties properties, Clock clock) {
    this.requests = requests;
    this.calculator = calculator;
    this.runtimeService = runtimeService;
    this.taskService = taskService;
    this.properties = properties;
    this.clock = clock;
  }

  public LocalDate today() {
    return calculator.today(clock);
  }

  /** Dates with the request's pauses applied (an open pause counts up to today, DL-8). */
  public Deadlines deadlinesOf(RequestRecord request) {
    List<Pause> pauses = requests.pauses(request.id()).stream()
        .map(p -> p.until() == null ? Pause.open(p.from()) : Pause.closed(p.from(), p.until())).toList();
    return calculator.deadlines(request.receivedOn(), pauses, today());
  }

  /** Legal expiry instant of a due date (DL-3: 23:59:59 Amsterdam). */
  public Date expiryOf(LocalDate dueDate) {
    return Date.from(calculator.expiryOf(dueDate));
  }

  /** 08:00 Europe/Amsterdam on a date, the hour every reminder and escalation fires. */
  public Instant at0800(LocalDate date) {
    return calculator.at0800(date);
  }

  /** Internal target (DL-11): the configured number of working days before the legal date, at 08:00. */
  public Date internalTargetOf(LocalDate dueDate) {
    return Date.from(calculator.at0800(calculator.minusWorkingDays(dueDate, properties.internalTargetWorkingDays())));
  }

  // ---- timer dates of the deadline watch (evaluated when the watch reaches each timer) ---------------------------

  /** The legal due date that an expiry instant ({@link #expiryOf}, the {@code dueDate} variable) belongs to. */
  LocalDate dueDateOf(Date expiry) {
    return LocalDate.ofInstant(expiry.toInstant(), calculator.zone());
  }

  Date reminderAt(LocalDate dueDate) {
    return Date.from(calculator.at0800(dueDate.minusDays(properties.reminderCalendarDays())));
  }

  Date escalationBeforeAt(LocalDate dueDate) {
    return Date.from(calculator.at0800(calculator.minusWorkingDays(dueDate, properties.escalationWorkingDays())));
  }

  Date escalationOnDueAt(LocalDate dueDate) {
    return Date.from(calculator.at0800(dueDate));
  }

  Date overdueAt(LocalDate dueDate) {
    return Date.from(calculator.expiryOf(dueDate).plusSeconds(1));
  }

  public boolean isOverdue(RequestRecord request) {
    return !request.isClosed() && calculator.isExpired(request.effectiveDueDate(), clock.instant());
  }

  // ---- pauses (DL-7, DL-8) -------------------------------------------------------------------------------------

  /**
   * A question to the requester (identity, or clarification) sent on {@code sentOn}. It suspends the clock only when
   * asked without undue delay: at most the configured number of calendar days after the receipt date (DL-7).
   *
   * @return whether the clock was suspended
   */
  public boolean startPause(String reference, LocalDate sentOn, String reason) {
    RequestRecord request = requests.getByReference(reference);
    long daysAfterReceipt = ChronoUnit.DAYS.between(request.receivedOn(), sentOn);
    if (daysAfterReceipt > properties.suspensionQuestionLimitDays()) {
      requests.addEvent(request.id(), clock.instant(), "QUESTION_SENT_NOT_SUSPENDING", null);
      log.info("Request {}: question sent {} days after receipt, clock not suspended (DL-7)", reference,
          daysAfterReceipt);
      return false;
    }
    requests.insertPause(request.id(), sentOn, reason);
    requests.updateStatus(request.id(), RequestStatus.SUSPENDED);
    requests.addEvent(request.id(), clock.instant(), "PAUSE_STARTED", null);
    deadlineChanged(reference);
    return true;
  }

  /** The answer arrived on {@code answeredOn}: the open pause closes and the due dates move (DL-8). */
  public void endPause(String reference, LocalDate answeredOn, RequestStatus statusAfterwards) {
    RequestRecord request = requests.getByReference(reference);
    if (requests.closeOpenPauses(request.id(), answeredOn) == 0) {
      return;
    }
    requests.updateStatus(request.id(), statusAfterwards);
    requests.addEvent(request.id(), clock.instant(), "PAUSE_ENDED", null);
    deadlineChanged(reference);
  }

  /**
   * Recomputes and stores the dates, sets the process variables, re-creates the deadline timers and re-dates the open
   * tasks. Called inside the transaction of the step that changed the deadline.
   */
  public void deadlineChanged(String reference) {
    RequestRecord request = requests.getByReference(reference);
    Deadlines deadlines = deadlinesOf(request);
    LocalDate extended = request.extendedDueDate() == null ? null : deadlines.extendedDueDate();
    requests.updateDueDates(request.id(), deadlines.dueDate(), extended);
    RequestRecord updated = requests.getByReference(reference);
    boolean paused = requests.pauses(request.id()).stream().anyMatch(p -> p.until() == null);
    Date due = expiryOf(updated.effectiveDueDate());
    Date target = internalTargetOf(updated.effectiveDueDate());

    // the product moves its own timers and due dates after checking the change (DL rules): product calls
    ProductCalls.run(() -> {
      runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(reference).active().list()
          .forEach(instance -> {
            runtimeService.setVariable(instance.getId(), DUE_DATE.name(), due);
            runtimeService.setVariable(instance.getId(), INTERNAL_TARGET.name(), target);
          });
      if (updated.processInstanceId() != null) {
        runtimeService.setVariable(updated.processInstanceId(), PAUSED.name(), paused);
      }
      for (Task task : taskService.createTaskQuery().processInstanceBusinessKey(reference).active().list()) {
        task.setDueDate(due);
        task.setFollowUpDate(target);
        taskService.saveTask(task);
      }
      runtimeService.createMessageCorrelation(DataSubjectRequestProcess.Messages.DEADLINE_CHANGED)
          .processInstanceBusinessKey(reference).correlateAll();
    });
    requests.addEvent(request.id(), clock.instant(), "DEADLINE_CHANGED", null);
    log.info("Request {}: due date now {}{}", reference, updated.effectiveDueDate(), paused ? " (paused)" : "");
  }

  Instant now() {
    return clock.instant();
  }
}
