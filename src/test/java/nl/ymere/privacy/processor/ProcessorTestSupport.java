package nl.ymere.privacy.processor;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.ymere.privacy.request.RequestTestSupport;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Registers parties and completes the agreement's tasks as named users (engine clock: {@link RequestTestSupport}). */
@Component
public class ProcessorTestSupport {

  public static final String SERVICE = "Incasso van huurachterstanden voor Ymere";
  public static final String SUBJECTS = "Huurders met een betalingsachterstand";

  @Autowired RequestTestSupport engine;
  @Autowired AgreementIntake intake;
  @Autowired AgreementSteps steps;
  @Autowired JdbcTemplate jdbc;

  public static String uniqueCode(String prefix) {
    return prefix + "_" + (System.nanoTime() % 10_000_000);
  }

  /** Role flags: a processor (acts on instructions) unless {@code partner} (a covenant partner). */
  public RegisterAgreementCommand command(String party, String country, boolean partner, LocalDate expiresOn) {
    return new RegisterAgreementCommand(party, "Partij " + party, party.toLowerCase() + "@partner.example", SERVICE,
        SUBJECTS, List.of("RENT_COLLECTION"), List.of("CONTACT_DETAILS", "RENT_ARREARS"), country, expiresOn,
        !partner, false, false, partner);
  }

  public AgreementRecord start(RegisterAgreementCommand command) {
    return engine.as("procurement", () -> intake.registerAndStart(command, "procurement"));
  }

  /** Every element of the role's checklist present with a clause; breach notice 24 h, specific authorisation. */
  public static Map<String, Object> completeChecklist(PartyRole role) {
    Map<String, Object> form = new HashMap<>();
    int clause = 1;
    for (ChecklistElement element : ChecklistElement.requiredFor(role)) {
      form.put(element.fieldKey(), true);
      form.put(element.clauseFieldKey(), "art. " + clause++);
    }
    if (role == PartyRole.PROCESSOR) {
      form.put("breachNoticeHours", 24);
      form.put("subProcessingAuthorisation", "SPECIFIC");
    }
    return form;
  }

  public void complete(String user, String reference, String taskKey, Map<String, Object> variables) {
    engine.complete(user, reference, taskKey, variables);
  }

  /** Processor checklist by procurement, approval by officer: the agreement is in force. */
  public void approveProcessor(String reference) {
    complete("procurement", reference, ProcessorAgreementProcess.Elements.COMPLETE_PROCESSOR_CHECKLIST,
        completeChecklist(PartyRole.PROCESSOR));
    complete("officer", reference, ProcessorAgreementProcess.Elements.APPROVE_AGREEMENT,
        Map.of("agreementApproved", true));
    assertThat(steps.get(reference).status()).isEqualTo(AgreementStatus.APPROVED);
  }

  List<Map<String, Object>> outbox(String reference) {
    return engine.outbox(reference);
  }

  public List<Map<String, Object>> sharingChecks(String party) {
    return jdbc.queryForList("SELECT allowed, reason, agreement_reference, purpose, data_categories, checked_by, "
        + "context_reference FROM privacy.sharing_check WHERE party_code = ? ORDER BY id", party);
  }
}
