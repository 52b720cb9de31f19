package nl.ymere.privacy.request;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Year;
import java.time.temporal.ChronoUnit;
import java.util.regex.Pattern;
import nl.ymere.privacy.deadline.DeadlineCalculator;
import nl.ymere.privacy.process.ProductCalls;
import nl.ymere.privacy.request.DataSubjectRequestProcess.Variables;
import nl.ymere.privacy.deadline.Deadlines;
import nl.ymere.privacy.web.ApiFieldErrors;
import nl.ymere.privacy.web.ApiUnprocessableException;
import nl.ymere.privacy.web.DateOrDateTime;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.VariableMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Registers a request from any channel (API, Tasklist, public web form): validates it (DESIGN principle 7: a bad
 * request leaves nothing behind), gives it a reference, computes the due date from the receipt date (DL-1, DL-2,
 * DL-3), stores the personal data in the product's tables and starts {@code data-subject-request} with references
 * and codes only (DESIGN principle 2). The acknowledgement is queued by the process in the same transaction.
 */
@Service
public class RequestRegistrationService {

  private static final Logger log = LoggerFactory.getLogger(RequestRegistrationService.class);
  static final int MAX_DESCRIPTION = 100_000;
  private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
  /** SD-6: the age from which a data subject files alone (REP-1, REP-2). */
  static final int AGE_OF_DIGITAL_CONSENT = 16;

  private final RequestRepository requests;
  private final DeadlineCalculator calculator;
  private final RequestDeadlineService deadlines;
  private final RuntimeService runtimeService;
  private final RightProcessProperties rightProcesses;

  RequestRegistrationService(RequestRepository requests, DeadlineCalculator calculator,
      RequestDeadlineService deadlines, RuntimeService runtimeService, RightProcessProperties rightProcesses) {
    this.requests = requests;
    this.calculator = calculator;
    this.deadlines = deadlines;
    this.runtimeService = runtimeService;
    this.rightProcesses = rightProcesses;
  }

  /** Validated, stored request: the process has started when this returns (same transaction). */
  @Transactional
  public RequestRecord register(RegisterRequestCommand command, String registeredBy) {
    NewRequestData data = validate(command);
    RequestRecord request = store(data, registeredBy);
    VariableMap variables = processVariables(request, DataSubjectRequestProcess.INTAKE_REQUEST);
    ProcessInstance instance = ProductCalls.call(() -> runtimeService.startProcessInstanceByKey(
        DataSubjectRequestProcess.KEY, request.reference(), variables));
    requests.setProcessInstanceId(request.id(), instance.getId());
    log.info("Registered request {} ({}, {}) as process instance {}", request.reference(), request.right(),
        request.channel(), instance.getId());
    return requests.getByReference(request.reference());
  }

  /**
   * Stores a request whose process is already starting (Tasklist start form): returns the record; the caller
   * puts {@link #processVariables} on the starting instance.
   */
  @Transactional
  public RequestRecord registerForRunningStart(RegisterRequestCommand command, String registeredBy,
      String processInstanceId) {
    NewRequestData data = validate(command);
    RequestRecord request = store(data, registeredBy);
    requests.setProcessInstanceId(request.id(), processInstanceId);
    return requests.getByReference(request.reference());
  }

  /** References, codes and dates only (DESIGN principle 2). */
  public VariableMap processVariables(RequestRecord request, String intakeKind) {
    VariableMap variables = org.camunda.bpm.engine.variable.Variables.createVariables();
    // OBJ-1, OBJ-2: the objection's scope is a code, passed into dsr-objection (CallActivity_FulfilRight)
    if (request.objectionScope() != null) {
      variables.putValue(Variables.OBJECTION_SCOPE.name(), request.objectionScope().name());
    }
    return variables
        .putValue(Variables.REFERENCE.name(), request.reference())
        .putValue(Variables.RIGHT.name(), request.right().name())
        .putValue(Variables.REPRESENTATION.name(), request.representation().name())
        .putValue(Variables.INTAKE_KIND.name(), intakeKind)
        .putValue(Variables.RIGHT_PROCESS.name(), rightProcesses.processFor(request.right()))
        .putValue(Variables.DUE_DATE.name(), deadlines.expiryOf(request.effectiveDueDate()))
        .putValue(Variables.INTERNAL_TARGET.name(), deadlines.internalTargetOf(request.effectiveDueDate()))
        .putValue(Variables.PAUSED.name(), false);
  }

  /** Stores a child's own request as a minimal record (REP-1): the reply goes out by the one-month date. */
  @Transactional
  public RequestRecord registerChildOwnRequest(RegisterRequestCommand command, String registeredBy,
      String processInstanceId) {
    RegisterRequestCommand minimal = new RegisterRequestCommand(command.right() == null ? RequestRight.ACCESS
        : command.right(), command.receivedAt(), command.channel(),
        command.requester() == null ? null : new RegisterRequestCommand.Person(command.requester().name(),
            command.requester().email(), command.requester().postalAddress(), null),
        null, Representation.SELF, null, command.language());
    NewRequestData data = validate(minimal, false);
    RequestRecord request = store(data, registeredBy);
    requests.setProcessInstanceId(request.id(), processInstanceId);
    return requests.getByReference(request.reference());
  }

  // ---- validation ----------------------------------------------------------------------------------------------

  record NewRequestData(RegisterRequestCommand command, Representation representation, Instant receivedAt,
      LocalDate receivedOn, Deadlines deadlines) {
  }

  NewRequestData validate(RegisterRequestCommand c) {
    return validate(c, true);
  }

  private NewRequestData validate(RegisterRequestCommand c, boolean checkAge) {
    ApiFieldErrors errors = new ApiFieldErrors();
    if (c.right() == null) {
      errors.add("right", "is required (one of ACCESS, RECTIFICATION, ERASURE, RESTRICTION, OBJECTION, "
          + "PORTABILITY, HUMAN_REVIEW, CONSENT_WITHDRAWAL)");
    }
    if (c.channel() == null) {
      errors.add("channel", "is required (one of WEB_FORM, EMAIL, LETTER, PHONE, DESK)");
    }
    Representation representation = c.representation() == null ? Representation.SELF : c.representation();
    LocalDate today = deadlines.today();
    Instant now = deadlines.now();
    Instant receivedAt = null;
    LocalDate receivedOn = today;
    DateOrDateTime received = c.receivedAt();
    if (received != null) {
      receivedOn = received.toLocalDate(calculator.zone());
      receivedAt = received.instant().orElse(null);
      if (receivedAt != null && receivedAt.isAfter(now.plus(24, ChronoUnit.HOURS))) {
        errors.add("receivedAt", "lies more than 24 hours in the future");
      } else if (receivedOn.isAfter(today.plusDays(1))) {
        errors.add("receivedAt", "lies after tomorrow");
      }
    } else {
      receivedAt = now;
    }
    RegisterRequestCommand.Person requester = c.requester();
    if (requester == null) {
      errors.add("requester", "is required");
    } else {
      if (isBlank(requester.name())) {
        errors.add("requester.name", "is required");
      } else if (requester.name().length() > 200) {
        errors.add("requester.name", "is longer than 200 characters");
      }
      if (isBlank(requester.email()) && isBlank(requester.postalAddress())) {
        errors.add("requester.email", "an e-mail address or a postal address is required");
      }
      if (!isBlank(requester.email()) && (requester.email().length() > 320
          || !EMAIL.matcher(requester.email().strip()).matches())) {
        errors.add("requester.email", "is not a valid e-mail address");
      }
      if (!isBlank(requester.postalAddress()) && requester.postalAddress().length() > 500) {
        errors.add("requester.postalAddress", "is longer than 500 characters");
      }
      if (requester.dateOfBirth() != null && requester.dateOfBirth().isAfter(today)) {
        errors.add("requester.dateOfBirth", "lies in the future");
      }
    }
    RegisterRequestCommand.Person subject = c.dataSubject();
    if (representation != Representation.SELF) {
      if (subject == null) {
        errors.add("dataSubject", "is required when the requester acts for someone else");
      } else if (isBlank(subject.name())) {
        errors.add("dataSubject.name", "is required");
      }
    }
    if (subject != null && subject.dateOfBirth() != null && subject.dateOfBirth().isAfter(today)) {
      errors.add("dataSubject.dateOfBirth", "lies in the future");
    }
    if (subject != null && !isBlank(subject.name()) && subject.name().length() > 200) {
      errors.add("dataSubject.name", "is longer than 200 characters");
    }
    if (c.description() != null && c.description().length() > MAX_DESCRIPTION) {
      errors.add("description", "is longer than " + MAX_DESCRIPTION + " characters");
    }
    if (c.language() != null && !c.language().matches("nl|en")) {
      errors.add("language", "must be nl or en");
    }
    if (c.objectionScope() != null && c.right() != null && c.right() != RequestRight.OBJECTION) {
      errors.add("objectionScope", "is only for right OBJECTION");
    }
    errors.throwIfAny();

    // REP-1 / SD-6: under 16 on the receipt date only through the holder of parental authority.
    LocalDate subjectBirth = representation == Representation.SELF
        ? (subject != null && subject.dateOfBirth() != null ? subject.dateOfBirth() : requester.dateOfBirth())
        : subject.dateOfBirth();
    if (checkAge && subjectBirth != null && representation != Representation.PARENTAL_AUTHORITY
        && receivedOn.isBefore(subjectBirth.plusYears(AGE_OF_DIGITAL_CONSENT))) {
      throw new ApiUnprocessableException("The data subject is under " + AGE_OF_DIGITAL_CONSENT + " on the receipt "
          + "date: a legal representative (a parent with parental authority, or a guardian) must file this request "
          + "(representation PARENTAL_AUTHORITY).");
    }
    return new NewRequestData(c, representation, receivedAt, receivedOn, calculator.deadlines(receivedOn));
  }

  private RequestRecord store(NewRequestData data, String registeredBy) {
    RegisterRequestCommand c = data.command();
    String reference = String.format("AVG-%d-%06d", Year.from(data.receivedOn()).getValue(),
        requests.nextReferenceNumber());
    RegisterRequestCommand.Person requester = c.requester();
    RegisterRequestCommand.Person subject = c.dataSubject();
    long id = requests.insert(new RequestRepository.NewRequest(reference, c.right(), c.channel(), data.receivedAt(),
        data.receivedOn(), data.deadlines().dueDate(), RequestStatus.REGISTERED, IdentityStatus.PENDING,
        data.representation(), c.language() == null ? "nl" : c.language(), requester.name().strip(),
        blankToNull(requester.email()), blankToNull(requester.postalAddress()), requester.dateOfBirth(),
        subject == null ? null : blankToNull(subject.name()), subject == null ? null : subject.dateOfBirth(),
        c.description(), registeredBy, deadlines.now()));
    if (c.right() == RequestRight.OBJECTION && c.objectionScope() != null) {
      requests.setObjectionScope(id, c.objectionScope());
    }
    requests.addEvent(id, deadlines.now(), "REGISTERED", registeredBy);
    return requests.getByReference(reference);
  }

  private static boolean isBlank(String s) {
    return s == null || s.isBlank();
  }

  private static String blankToNull(String s) {
    return isBlank(s) ? null : s.strip();
  }
}
