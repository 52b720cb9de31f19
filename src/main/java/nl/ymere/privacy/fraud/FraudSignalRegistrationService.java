package nl.ymere.privacy.fraud;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import nl.ymere.privacy.process.ProductCalls;
import nl.ymere.privacy.process.SystemActions;
import nl.ymere.privacy.web.ApiFieldError;
import nl.ymere.privacy.web.ApiValidationException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.VariableMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Registers a fraud signal from the API or the Tasklist start form: validates it (DESIGN principle 7: a rejected
 * signal leaves no row and no process instance), stores it in the product's tables and starts
 * {@code fraud-signal-assessment} with its reference as business key. The model runs in the process's first step.
 */
@Service
public class FraudSignalRegistrationService {

  private static final Logger log = LoggerFactory.getLogger(FraudSignalRegistrationService.class);

  static final int MAX_DESCRIPTION = 100_000;
  static final int MAX_INDEPENDENT_REPORTS = 1_000;

  private final FraudSignalRepository signals;
  private final RuntimeService runtimeService;
  private final IdentityService identityService;
  private final SystemActions systemActions;
  private final Clock clock;

  FraudSignalRegistrationService(FraudSignalRepository signals, RuntimeService runtimeService,
      IdentityService identityService, SystemActions systemActions, Clock clock) {
    this.signals = signals;
    this.runtimeService = runtimeService;
    this.identityService = identityService;
    this.systemActions = systemActions;
    this.clock = clock;
  }

  /** Validated, stored signal; its process has started (and the model has run) when this returns. */
  @Transactional
  public String register(RegisterFraudSignalCommand command, String registeredBy) {
    FraudSignal signal = store(command, registeredBy);
    ProcessInstance instance = ProductCalls.call(() -> runtimeService.startProcessInstanceByKey(
        FraudSignalProcess.KEY, signal.reference(), processVariables(signal)));
    signals.setProcessInstanceId(signal.id(), instance.getId());
    log.info("Registered fraud signal {} ({}) as process instance {}", signal.reference(), signal.source(),
        instance.getId());
    return signal.reference();
  }

  /** Stores a signal whose process is already starting (Tasklist start form). */
  @Transactional
  FraudSignal registerForRunningStart(RegisterFraudSignalCommand command, String registeredBy,
      String processInstanceId) {
    FraudSignal signal = store(command, registeredBy);
    signals.setProcessInstanceId(signal.id(), processInstanceId);
    return signal;
  }

  /** References and user ids only (DESIGN principle 2). */
  VariableMap processVariables(FraudSignal signal) {
    return org.camunda.bpm.engine.variable.Variables.createVariables()
        .putValue(FraudSignalProcess.Variables.SIGNAL_REFERENCE.name(), signal.reference())
        .putValue(FraudSignalProcess.Variables.SIGNAL_REPORTER.name(), signal.reporterUser());
  }

  private FraudSignal store(RegisterFraudSignalCommand command, String registeredBy) {
    validate(command);
    RegisterFraudSignalCommand.Indicators in = command.indicators() == null
        ? new RegisterFraudSignalCommand.Indicators(null, null, null, null, null) : command.indicators();
    FraudRiskInputs inputs = new FraudRiskInputs(command.source(), isTrue(in.mainResidenceRegisteredElsewhere()),
        isTrue(in.unknownOccupantsRegistered()), isTrue(in.lowUtilityUsage()), isTrue(in.subletAdvertisementFound()),
        in.independentReports() == null ? 0 : in.independentReports());
    String reporter = blankToNull(command.reporterUserId());
    if (reporter == null && command.source() == SignalSource.INTERNAL_OBSERVATION) {
      reporter = registeredBy;
    }
    String reference = "WF-" + LocalDate.now(clock).getYear() + "-"
        + String.format("%06d", signals.nextValue("fraud_signal_reference_seq"));
    FraudSignal signal = new FraudSignal(0, reference, command.source(), command.address().strip(),
        blankToNull(command.tenancyReference()), blankToNull(command.tenantName()), command.description().strip(),
        inputs, reporter, registeredBy, clock.instant(), SignalStatus.ASSESSING, null, null, null, null, null, null,
        null, null);
    signals.insert(signal);
    return signals.getByReference(reference);
  }

  private void validate(RegisterFraudSignalCommand command) {
    List<ApiFieldError> errors = new ArrayList<>();
    if (command == null) {
      throw new ApiValidationException(null, "A fraud signal is required");
    }
    if (command.source() == null) {
      errors.add(new ApiFieldError("source", "is required"));
    }
    // ADM-1: the model runs only on a signal about a specific address or contract
    if (blankToNull(command.address()) == null) {
      errors.add(new ApiFieldError("address", "is required: a signal is about one specific address (ADM-1)"));
    } else if (command.address().length() > 500) {
      errors.add(new ApiFieldError("address", "must be at most 500 characters"));
    }
    if (command.tenancyReference() != null && command.tenancyReference().length() > 60) {
      errors.add(new ApiFieldError("tenancyReference", "must be at most 60 characters"));
    }
    if (command.tenantName() != null && command.tenantName().length() > 200) {
      errors.add(new ApiFieldError("tenantName", "must be at most 200 characters"));
    }
    if (blankToNull(command.description()) == null) {
      errors.add(new ApiFieldError("description", "is required"));
    } else if (command.description().length() > MAX_DESCRIPTION) {
      errors.add(new ApiFieldError("description", "must be at most " + MAX_DESCRIPTION + " characters"));
    }
    Integer reports = command.indicators() == null ? null : command.indicators().independentReports();
    if (reports != null && (reports < 0 || reports > MAX_INDEPENDENT_REPORTS)) {
      errors.add(new ApiFieldError("indicators.independentReports",
          "must be between 0 and " + MAX_INDEPENDENT_REPORTS));
    }
    String reporter = blankToNull(command.reporterUserId());
    if (reporter != null && (reporter.length() > 64 || !userExists(reporter))) {
      errors.add(new ApiFieldError("reporterUserId", "is not a known user"));
    }
    if (!errors.isEmpty()) {
      throw new ApiValidationException(errors);
    }
  }

  private boolean userExists(String userId) {
    return systemActions.call(() -> identityService.createUserQuery().userId(userId).count() == 1);
  }

  private static boolean isTrue(Boolean value) {
    return Boolean.TRUE.equals(value);
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
