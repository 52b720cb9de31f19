package nl.ymere.privacy.consent;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.ymere.privacy.processor.AgreementRecord;
import nl.ymere.privacy.processor.WithdrawalNotices;
import nl.ymere.privacy.processor.WithdrawalNotices.Notice;
import org.springframework.stereotype.Service;

/**
 * Issue 20 item 6 (CON-2, Art 7(3), Art 19): the automatic notice of a withdrawal to a processor or covenant partner
 * that receives data for the purpose, through the gate-guarded {@link WithdrawalNotices} to the contact address of the
 * processor register (mail {@code consent-withdrawal-notice}). The notice carries the identifiers the consent register
 * holds, only within the categories the agreement covers; the propagation step records the outbox row and time, or
 * the gate's refusal (then the desk passes the withdrawal on by hand, and the step's due time and escalation stay).
 */
@Service
class ProcessorNotices {

  static final String TEMPLATE = "consent-withdrawal-notice";

  private final WithdrawalNotices notices;
  private final ConsentRepository repository;
  private final Clock clock;

  ProcessorNotices(WithdrawalNotices notices, ConsentRepository repository, Clock clock) {
    this.notices = notices;
    this.repository = repository;
    this.clock = clock;
  }

  void noticeProcessor(long stepId, ConsentRecord consent, Purpose purpose, AgreementRecord agreement, Instant due,
      String user) {
    // the identifiers sent are contact details and name: only the categories both the purpose and the agreement name
    List<String> categories = purpose.dataCategories().stream().filter(agreement.dataCategories()::contains).toList();
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("purposeNl", purpose.nameNl());
    model.put("purposeEn", purpose.nameEn());
    model.put("withdrawnOn", LocalDate.ofInstant(consent.withdrawnAt(), clock.getZone()));
    model.put("dueOn", LocalDate.ofInstant(due, clock.getZone()));
    model.put("subjectName", consent.subjectName());
    model.put("subjectEmail", consent.subjectEmail());
    model.put("subjectTenancyNumber", consent.subjectTenancyNumber());
    Notice notice = notices.send(agreement.partyCode(), purpose.code(), categories, consent.reference(), TEMPLATE,
        model, user == null ? "system" : user);
    if (notice.sent()) {
      repository.recordNotice(stepId, notice.message().id(), clock.instant(), null);
    } else {
      repository.recordNotice(stepId, null, null, notice.refusal());
    }
  }
}
