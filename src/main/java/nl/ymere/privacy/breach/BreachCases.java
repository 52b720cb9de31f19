package nl.ymere.privacy.breach;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A data breach as the staff who work on it see it beside their task (issue 18, DESIGN principle 10): the reported
 * facts, the moment of awareness and the deadline, the model's proposal with its reasons, the FG's advice, the
 * decision, the AP notices and every earlier step with who did it, read from {@code privacy.breach*} at view time.
 * The caller has already found the task with the viewer's own engine authorizations.
 */
@Service
public class BreachCases {

  public record BreachCase(String reference, String status, String channel, String description, String systems,
      List<String> dataCategories, int personsEstimate, Integer recordsEstimate, boolean contained,
      String detectedAt, String reportedBy, String awarenessAt, String awarenessReason, String awarenessBy,
      String deadline, boolean overdue, String proposedRisk, List<Reason> reasons, String decidedRisk,
      String decisionReason, String decidedBy, String confirmedBy, String consequences, String measures,
      Map<String, Object> apNotificationDraft, List<Notice> notices, String processorAgreement,
      Boolean processorReportLate, List<Step> steps) {
  }

  public record Reason(String risk, String code, String reason) {
  }

  public record Notice(int phase, String notifiedAt, String apCaseNumber, boolean complete, boolean late,
      String delayReasons) {
  }

  public record Step(String at, String type, String code, String text, String by) {
  }

  /**
   * One entry of the breach register as the workbench lists it (issue 16): the breach, when the AP was first notified
   * (null: not yet) and whether the 72 hours passed without a notice or a confirmed NO_RISK ({@link
   * BreachService#overdue}, BRE-3). The same register the privacy officers and the FG read at {@code /api/breaches}.
   */
  public record RegisterEntry(Breach breach, Instant firstNotifiedAt, boolean overdue) {

    public boolean notified() {
      return firstNotifiedAt != null;
    }

    /** A confirmed decision that the AP is not notified (NO_RISK, BRE-3). */
    public boolean decidedNotToNotify() {
      return breach.confirmed() && BreachCodes.Risk.NO_RISK.name().equals(breach.decidedRisk());
    }
  }

  private final BreachRepository breaches;
  private final BreachService service;

  BreachCases(BreachRepository breaches, BreachService service) {
    this.breaches = breaches;
    this.service = service;
  }

  @Transactional(readOnly = true)
  public Optional<BreachCase> find(String reference) {
    return breaches.findByReference(reference).map(this::caseOf);
  }

  /** Every breach of the register, oldest first (Art 33(5), BRE-2: notified or not). */
  @Transactional(readOnly = true)
  public List<RegisterEntry> register() {
    return breaches.all().stream().map(this::entryOf).toList();
  }

  @Transactional(readOnly = true)
  public Optional<RegisterEntry> entry(String reference) {
    return breaches.findByReference(reference).map(this::entryOf);
  }

  private RegisterEntry entryOf(Breach b) {
    List<BreachRepository.ApNotification> notices = breaches.apNotifications(b.id());
    return new RegisterEntry(b, notices.isEmpty() ? null : notices.get(0).notifiedAt(), service.overdue(b));
  }

  private BreachCase caseOf(Breach b) {
    List<Reason> reasons = breaches.reasons(b.id()).stream().map(r -> new Reason(r.risk(), r.code(), r.reason()))
        .toList();
    List<Notice> notices = breaches.apNotifications(b.id()).stream().map(n -> new Notice(n.phase(), local(n.notifiedAt()),
        n.apCaseNumber(), n.complete(), n.late(), n.delayReasons())).toList();
    List<Step> steps = breaches.notes(b.id()).stream().map(n -> new Step(local(n.at()), n.type(), n.code(), n.text(),
        n.byUser())).toList();
    String agreement = b.partyId() == null ? null : (String) breaches.processorLink(b.id()).get("agreement_reference");
    return new BreachCase(b.reference(), b.status(), b.channel(), b.description(), b.systems(), b.dataCategories(),
        b.personsEstimate(), b.recordsEstimate(), b.contained(), local(b.detectedAt()), b.reportedBy(), local(b.awarenessAt()),
        b.awarenessReason(), b.awarenessBy(), local(b.deadlineAt()),
        service.overdue(b), b.proposedRisk(), reasons, b.decidedRisk(), b.decisionReason(), b.decidedBy(),
        b.confirmedBy(), b.consequences(), b.measures(), service.apNotificationDraft(b), notices, agreement,
        b.processorReportLate(), steps);
  }

  private static String local(Instant instant) {
    return instant == null ? null : BreachService.display(instant);
  }
}
