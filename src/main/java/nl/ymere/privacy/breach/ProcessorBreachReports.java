package nl.ymere.privacy.breach;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;
import nl.ymere.privacy.processor.ProcessorRegister;
import nl.ymere.privacy.web.ApiFieldErrors;
import nl.ymere.privacy.web.ApiNotFoundException;
import nl.ymere.privacy.web.ApiUnprocessableException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A processor's breach report ({@code POST /api/parties/{id}/breach-reports}, issue 18 item 1): registered as a breach
 * linked to the party's newest agreement in the processor register, with whether the processor met its duty to tell
 * us within the agreed hours of its own awareness (PRC-2, Art 33(2); the agreement's breach notice hours, else
 * {@code privacy.processor.max-breach-notice-hours}). A late report opens a follow-up task for the agreement owner
 * in {@code data-breach}. The register's tables are read here with plain SQL; the outcome (in time or late) is written
 * into the agreement's own history through {@link ProcessorRegister#recordBreachReport}.
 */
@Service
class ProcessorBreachReports {

  record Agreement(String reference, Integer breachNoticeHours, String owner) {
  }

  private final BreachIntake intake;
  private final BreachRepository breaches;
  private final ProcessorRegister register;
  private final JdbcTemplate jdbc;
  private final Clock clock;
  private final int defaultNoticeHours;

  ProcessorBreachReports(BreachIntake intake, BreachRepository breaches, ProcessorRegister register, JdbcTemplate jdbc,
      Clock clock,
      @Value("${privacy.processor.max-breach-notice-hours:24}") int defaultNoticeHours) {
    this.intake = intake;
    this.breaches = breaches;
    this.register = register;
    this.jdbc = jdbc;
    this.clock = clock;
    this.defaultNoticeHours = defaultNoticeHours;
  }

  /**
   * Registers the report. 404 for an unknown party, 422 for a party without an agreement, 400 for bad facts or
   * times; nothing is stored then.
   */
  @Transactional
  Breach report(long partyId, BreachReport report, OffsetDateTime processorAwareAt, OffsetDateTime receivedAt,
      String user) {
    if (jdbc.queryForObject("SELECT COUNT(*) FROM privacy.pa_party WHERE id = ?", Long.class, partyId) == 0) {
      throw new ApiNotFoundException("No party " + partyId + " in the processor register");
    }
    Agreement agreement = jdbc.query("SELECT reference, breach_notice_hours, COALESCE(prepared_by, created_by) "
            + "AS owner FROM privacy.pa_agreement WHERE party_id = ? ORDER BY id DESC",
        (rs, n) -> new Agreement(rs.getString(1), (Integer) rs.getObject(2, Integer.class), rs.getString(3)), partyId)
        .stream().findFirst().orElseThrow(() -> new ApiUnprocessableException("Party " + partyId + " has no "
            + "processor agreement to link the report to; register the agreement first (PRC-1)."));
    Instant received = receivedAt == null ? clock.instant() : receivedAt.toInstant();
    ApiFieldErrors errors = new ApiFieldErrors();
    if (processorAwareAt == null) {
      errors.add("processorAwareAt", "is required (when the processor became aware, date-time with offset)");
    } else if (processorAwareAt.toInstant().isAfter(received)) {
      errors.add("processorAwareAt", "lies after the moment we received the report");
    }
    if (received.isAfter(clock.instant().plus(Duration.ofMinutes(5)))) {
      errors.add("receivedAt", "lies in the future");
    }
    intake.validate(report);
    errors.throwIfAny();
    int hours = agreement.breachNoticeHours() == null ? defaultNoticeHours : agreement.breachNoticeHours();
    boolean late = received.isAfter(processorAwareAt.toInstant().plus(Duration.ofHours(hours)));
    Breach breach = intake.registerProcessorReport(report, user, partyId, processorAwareAt.toInstant(), late,
        Map.of("agreementReference", agreement.reference(), "noticeHours", hours, "receivedAt", received,
            "owner", agreement.owner() == null ? "" : agreement.owner()));
    register.recordBreachReport(agreement.reference(), breach.reference(), late, hours, processorAwareAt.toInstant(),
        received, BreachIntake.reporter(user));
    return breach;
  }
}
