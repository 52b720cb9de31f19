package nl.ymere.privacy.processor;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import nl.ymere.privacy.personaldata.ConsentStatus;
import nl.ymere.privacy.personaldata.SubjectKey;
import nl.ymere.privacy.processor.SharingDecision.Reason;
import org.springframework.beans.factory.ObjectProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The gate (PRC-1, PRC-6): personal data of the given categories may be shared for a purpose with a party only under
 * an APPROVED processor agreement or an ACTIVE covenant that has not expired (today, Europe/Amsterdam) and whose scope
 * covers the purpose and every category. Every answer is logged in {@code privacy.sharing_check}; refusals also in
 * the application log (codes only, SEC-3). An agreement whose approval is incomplete in the processor tables (no
 * complete checklist, no preparer, approved by nobody or by its preparer) opens nothing (APPROVAL_INCOMPLETE).
 */
@Service
public class SharingGate {

  private static final Logger LOG = LoggerFactory.getLogger(SharingGate.class);

  private final AgreementRepository agreements;
  private final AgreementApproval approval;
  private final Clock clock;
  private final ObjectProvider<ConsentStatus> consents;

  SharingGate(AgreementRepository agreements, AgreementApproval approval, Clock clock,
      ObjectProvider<ConsentStatus> consents) {
    this.consents = consents;
    this.agreements = agreements;
    this.approval = approval;
    this.clock = clock;
  }

  @Transactional
  public SharingDecision check(String partyCode, String purpose, Collection<String> dataCategories, String checkedBy,
      String contextReference) {
    return check(partyCode, purpose, dataCategories, null, checkedBy, contextReference);
  }

  /**
   * The gate for one person's data. For a consent-based purpose (consent register, issue 20) the person's consent
   * must be in force at this instant (CON-2: a withdrawal is effective at once); without a person such a purpose
   * never opens the gate.
   */
  @Transactional
  public SharingDecision check(String partyCode, String purpose, Collection<String> dataCategories,
      SubjectKey subject, String checkedBy, String contextReference) {
    SharingDecision decision = purposeRefusal(purpose).or(() -> consentRefusal(purpose, subject))
        .orElseGet(() -> decide(partyCode, purpose, dataCategories));
    agreements.logSharingCheck(clock.instant(), partyCode, purpose, dataCategories, decision, checkedBy,
        contextReference);
    if (!decision.allowed()) {
      LOG.warn("Sharing refused: party={} purpose={} categories={} reason={} context={}", partyCode, purpose,
          dataCategories, decision.reason(), contextReference);
    }
    return decision;
  }

  /**
   * The gate for telling a party that a person withdrew consent for a purpose (CON-2, Art 7(3), Art 19): the notice
   * carries the person's identifiers so the party can stop, and is owed to the party because the consent is
   * withdrawn, so the person's consent is not asked (it is no longer in force by definition). The agreement checks all
   * apply: only a party with an agreement in force covering the purpose and the categories gets it. Logged as every
   * check.
   */
  @Transactional
  public SharingDecision checkWithdrawalNotice(String partyCode, String purpose, Collection<String> dataCategories,
      String checkedBy, String contextReference) {
    SharingDecision decision = decide(partyCode, purpose, dataCategories);
    agreements.logSharingCheck(clock.instant(), partyCode, purpose, dataCategories, decision, checkedBy,
        contextReference);
    if (!decision.allowed()) {
      LOG.warn("Withdrawal notice refused: party={} purpose={} categories={} reason={} context={}", partyCode,
          purpose, dataCategories, decision.reason(), contextReference);
    }
    return decision;
  }

  /** ROP-4: a new purpose opens the gate only after its compatibility test and its publication. */
  private Optional<SharingDecision> purposeRefusal(String purpose) {
    ConsentStatus register = consents.getIfAvailable();
    if (register == null || purpose == null) {
      return Optional.empty();
    }
    return register.purposeHold(purpose).map(hold -> refused(hold == ConsentStatus.PurposeHold.NO_COMPATIBILITY_TEST
        ? Reason.NO_COMPATIBILITY_TEST : Reason.PURPOSE_NOT_PUBLISHED, null));
  }

  private Optional<SharingDecision> consentRefusal(String purpose, SubjectKey subject) {
    ConsentStatus consent = consents.getIfAvailable();
    if (consent == null || purpose == null) {
      return Optional.empty();
    }
    Optional<Boolean> inForce = consent.consentInForce(purpose, subject);
    if (inForce.isEmpty()) {
      return Optional.empty();
    }
    if (subject == null) {
      return Optional.of(refused(Reason.CONSENT_SUBJECT_REQUIRED, null));
    }
    return inForce.get() ? Optional.empty() : Optional.of(refused(Reason.NO_CONSENT, null));
  }

  private SharingDecision decide(String partyCode, String purpose, Collection<String> categories) {
    if (!agreements.partyExists(partyCode)) {
      return refused(Reason.UNKNOWN_PARTY, null);
    }
    LocalDate today = LocalDate.now(clock);
    List<AgreementRecord> candidates = agreements.agreementsOfParty(partyCode).stream()
        .filter(a -> a.kind() != null && a.status() == a.kind().inForceStatus())
        .sorted(Comparator.comparing(AgreementRecord::expiresOn).reversed())
        .toList();
    if (candidates.isEmpty()) {
      return refused(Reason.NO_AGREEMENT_IN_FORCE, null);
    }
    // issue 14: an agreement counts only when its approval is complete in the processor tables (checklist, preparer,
    // another user approved), whatever status a skipped step or an earlier defect left on it
    List<AgreementRecord> approved = candidates.stream().filter(approval::isComplete).toList();
    if (approved.isEmpty()) {
      return refused(Reason.APPROVAL_INCOMPLETE, candidates.get(0).reference());
    }
    candidates = approved;
    List<AgreementRecord> unexpired = candidates.stream().filter(a -> a.inForceOn(today)).toList();
    if (unexpired.isEmpty()) {
      return refused(Reason.AGREEMENT_EXPIRED, candidates.get(0).reference());
    }
    List<AgreementRecord> forPurpose = unexpired.stream().filter(a -> a.purposes().contains(purpose)).toList();
    if (forPurpose.isEmpty()) {
      return refused(Reason.PURPOSE_NOT_COVERED, unexpired.get(0).reference());
    }
    // a check that names no category covers nothing: it never opens the gate
    return forPurpose.stream()
        .filter(a -> categories != null && !categories.isEmpty() && a.dataCategories().containsAll(categories))
        .findFirst()
        .map(a -> new SharingDecision(true, Reason.ALLOWED, a.reference()))
        .orElseGet(() -> refused(Reason.CATEGORY_NOT_COVERED, forPurpose.get(0).reference()));
  }

  private static SharingDecision refused(Reason reason, String agreementReference) {
    return new SharingDecision(false, reason, agreementReference);
  }
}
