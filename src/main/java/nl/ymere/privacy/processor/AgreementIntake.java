package nl.ymere.privacy.processor;

import static nl.ymere.privacy.processor.ProcessorAgreementProcess.Variables.ACTS_ON_INSTRUCTIONS;
import static nl.ymere.privacy.processor.ProcessorAgreementProcess.Variables.AGREEMENT_REFERENCE;
import static nl.ymere.privacy.processor.ProcessorAgreementProcess.Variables.DECIDES_PURPOSES;
import static nl.ymere.privacy.processor.ProcessorAgreementProcess.Variables.JOINTLY_DETERMINES;
import static nl.ymere.privacy.processor.ProcessorAgreementProcess.Variables.PUBLIC_OR_PARTNER_BODY;
import static nl.ymere.privacy.processor.ProcessorAgreementProcess.Variables.TRANSFER_ZONE;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import nl.ymere.privacy.process.ProductCalls;
import nl.ymere.privacy.web.ApiFieldError;
import nl.ymere.privacy.web.ApiValidationException;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Registers a new or changed party with its draft agreement and starts (or feeds) {@code processor-agreement}.
 * Invalid input is rejected with every offending field before anything is stored (DESIGN principle 7).
 */
@Service
public class AgreementIntake {

  static final Pattern CODE = Pattern.compile("^[A-Z][A-Z0-9_-]{1,59}$");
  private static final Pattern COUNTRY = Pattern.compile("^[A-Z]{2}$");
  private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

  private final AgreementRepository agreements;
  private final ProcessorProperties properties;
  private final RuntimeService runtimeService;
  private final Clock clock;

  AgreementIntake(AgreementRepository agreements, ProcessorProperties properties, RuntimeService runtimeService,
      Clock clock) {
    this.agreements = agreements;
    this.properties = properties;
    this.runtimeService = runtimeService;
    this.clock = clock;
  }

  /** API start: validates, stores the draft and starts the process with the reference as business key. */
  @Transactional
  public AgreementRecord registerAndStart(RegisterAgreementCommand command, String user) {
    AgreementRecord agreement = register(command, user, null);
    var instance = ProductCalls.call(() -> runtimeService.startProcessInstanceByKey(ProcessorAgreementProcess.KEY,
        agreement.reference(), processVariables(agreement, command)));
    agreements.setProcessInstance(agreement.id(), instance.getId());
    return agreements.getByReference(agreement.reference());
  }

  /** Tasklist start: the start listener stores the draft of the already running instance. */
  @Transactional
  public AgreementRecord register(RegisterAgreementCommand command, String user, String processInstanceId) {
    validate(command);
    var now = clock.instant();
    String reference = agreements.nextReference(LocalDate.now(clock).getYear());
    long partyId = agreements.partyId(command.partyCode(), command.partyName().strip(),
        blankToNull(command.partyEmail()), now);
    String country = command.processingCountry().toUpperCase(Locale.ROOT);
    long id = agreements.insertAgreement(reference, partyId, command.service().strip(), command.dataSubjects().strip(),
        country, properties.zoneOf(country), command.expiresOn(), user, processInstanceId, now);
    agreements.replaceScope(id, command.purposes(), command.dataCategories());
    agreements.event(id, "REGISTERED", user, null, now);
    return agreements.getByReference(reference);
  }

  /**
   * A start that brings its own agreement reference is accepted only as the start of {@link #registerAndStart}: a
   * DRAFT the authenticated user registered in this transaction, not yet bound to a process. Anything else (engine
   * REST, a forged start form) is refused, and the transfer zone comes from the stored draft, never from the caller
   * (PRC-4).
   */
  @Transactional(readOnly = true)
  public AgreementRecord acceptApiStart(String reference, String user) {
    if (user == null || !agreements.awaitsProcessStart(reference, user)) {
      throw new ApiValidationException("agreementReference", "start an agreement with the start form or "
          + "POST /api/processor-agreements, not with a reference of its own");
    }
    return agreements.getByReference(reference);
  }

  /** The non-personal variables the process runs on (DESIGN principle 2). */
  Map<String, Object> processVariables(AgreementRecord agreement, RegisterAgreementCommand command) {
    Map<String, Object> variables = new HashMap<>();
    variables.put(AGREEMENT_REFERENCE.name(), agreement.reference());
    variables.put(TRANSFER_ZONE.name(), agreement.transferZone().name());
    variables.put(ACTS_ON_INSTRUCTIONS.name(), Boolean.TRUE.equals(command.actsOnInstructions()));
    variables.put(DECIDES_PURPOSES.name(), Boolean.TRUE.equals(command.decidesPurposesAndMeans()));
    variables.put(JOINTLY_DETERMINES.name(), Boolean.TRUE.equals(command.jointlyDetermines()));
    variables.put(PUBLIC_OR_PARTNER_BODY.name(), Boolean.TRUE.equals(command.publicOrPartnerBody()));
    return variables;
  }

  void validate(RegisterAgreementCommand command) {
    List<ApiFieldError> errors = new ArrayList<>();
    if (command.partyCode() == null || !CODE.matcher(command.partyCode()).matches()) {
      errors.add(new ApiFieldError("partyCode", "required: upper-case code, letters, digits, - or _ (2-60)"));
    }
    required(errors, "partyName", command.partyName(), 200);
    if (command.partyEmail() != null && !command.partyEmail().isBlank()
        && (command.partyEmail().length() > 320 || !EMAIL.matcher(command.partyEmail().strip()).matches())) {
      errors.add(new ApiFieldError("partyEmail", "not an e-mail address"));
    }
    required(errors, "service", command.service(), 10_000);
    required(errors, "dataSubjects", command.dataSubjects(), 10_000);
    codes(errors, "purposes", command.purposes());
    codes(errors, "dataCategories", command.dataCategories());
    if (command.processingCountry() == null
        || !COUNTRY.matcher(command.processingCountry().toUpperCase(Locale.ROOT)).matches()) {
      errors.add(new ApiFieldError("processingCountry", "required: ISO 3166-1 alpha-2 country code"));
    }
    if (command.expiresOn() == null) {
      errors.add(new ApiFieldError("expiresOn", "required"));
    } else if (!command.expiresOn().isAfter(LocalDate.now(clock))) {
      errors.add(new ApiFieldError("expiresOn", "must be after today"));
    }
    if (!errors.isEmpty()) {
      throw new ApiValidationException(errors);
    }
  }

  private static void required(List<ApiFieldError> errors, String field, String value, int max) {
    if (value == null || value.isBlank()) {
      errors.add(new ApiFieldError(field, "required"));
    } else if (value.length() > max) {
      errors.add(new ApiFieldError(field, "longer than " + max + " characters"));
    }
  }

  private static void codes(List<ApiFieldError> errors, String field, List<String> values) {
    if (values == null || values.isEmpty()) {
      errors.add(new ApiFieldError(field, "at least one code required"));
      return;
    }
    for (int i = 0; i < values.size(); i++) {
      if (values.get(i) == null || !CODE.matcher(values.get(i)).matches()) {
        errors.add(new ApiFieldError(field + "[" + i + "]", "upper-case code, letters, digits, - or _ (2-60)"));
      }
    }
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
