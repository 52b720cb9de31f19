package nl.ymere.privacy.access;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Objects;
import java.util.Map;
import nl.ymere.privacy.identity.IdentityGate;
import nl.ymere.privacy.request.LetterType;
import nl.ymere.privacy.request.Outcome;
import nl.ymere.privacy.request.RequestRecord;
import nl.ymere.privacy.request.RequestLetters;
import nl.ymere.privacy.request.RequestRecords;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The answer to an access request: GRANTED when everything found is given (redactions included), PARTIALLY_GRANTED
 * when anything was withheld (ACC-5: the letter names the grounds, never the content, with the AP complaint and court
 * route of LET-3, and the review date of a temporary ground, ACC-4), NO_DATA when nothing was found; the dossier is
 * offered for collection at the office with ID, or by secure electronic delivery (ACC-2, ID-5).
 */
@Service
class AccessAnswerService {

  private final AccessReviewService review;
  private final RequestRecords requests;
  private final RequestLetters letters;
  private final Clock clock;
  private final AccessExemptionApprovals approvals;
  private final IdentityGate identity;

  AccessAnswerService(AccessReviewService review, RequestRecords requests, RequestLetters letters, Clock clock,
      AccessExemptionApprovals approvals, IdentityGate identity) {
    this.approvals = approvals;
    this.identity = identity;
    this.review = review;
    this.requests = requests;
    this.letters = letters;
    this.clock = clock;
  }

  @Transactional
  public Outcome answer(String reference) {
    identity.requireEstablished(reference);
    approvals.requireApprovedWhenWithheld(reference);
    RequestRecord request = requests.getByReference(reference);
    List<AccessItemRow> items = review.items(reference);
    Map<AccessDecision, Integer> counts = review.counts(reference);
    int withheld = counts.get(AccessDecision.WITHHOLD);
    int redacted = counts.get(AccessDecision.REDACT);
    // issue 15 item 8, LET-3: a redaction refuses part of the access too, so the answer is a partial refusal with
    // what was redacted, why, and the remedies; only everything given in full is GRANTED
    Outcome outcome = items.isEmpty() ? Outcome.NO_DATA
        : withheld > 0 || redacted > 0 ? Outcome.PARTIALLY_GRANTED : Outcome.GRANTED;
    List<ExemptionCode> grounds = items.stream().filter(i -> i.decision() == AccessDecision.WITHHOLD)
        .map(AccessItemRow::exemptionCode).distinct().sorted().toList();
    // ACC-4: the earliest review date of a temporary ground, which the letter names
    LocalDate reviewOn = items.stream().filter(i -> i.decision() == AccessDecision.WITHHOLD)
        .map(AccessItemRow::reviewOn).filter(Objects::nonNull).min(Comparator.naturalOrder()).orElse(null);
    Map<String, Object> variables = new HashMap<>();
    variables.put("accessOutcome", outcome.name());
    variables.put("itemsGiven", counts.get(AccessDecision.INCLUDE) + counts.get(AccessDecision.REDACT));
    variables.put("itemsRedacted", redacted);
    variables.put("redactions", items.stream().filter(i -> i.decision() == AccessDecision.REDACT)
        .map(this::redaction).toList());
    variables.put("itemsWithheld", withheld);
    variables.put("grounds", grounds);
    variables.put("reviewOn", reviewOn);
    // LET-3, ACC-4: "two people assessed" only on an approval by another user in privacy.access_exemption_approval
    variables.put("assessedByTwo", withheld > 0 && approvals.approvedBySecondPerson(reference));
    letters.send(request, LetterType.ACCESS_ANSWER, variables);
    requests.addEvent(request.id(), clock.instant(), "ACCESS_ANSWERED_" + outcome.name(),
        AccessSubjects.SYSTEM_READER.userId());
    // DL-10: answered; the delivery that follows (ACC-2) does not make the request overdue
    requests.recordAnswerSent(request.id(), clock.instant(), AccessSubjects.SYSTEM_READER.userId());
    return outcome;
  }

  /**
   * What the letter says of one redacted item: which item, which fields (by their Dutch label) and how many text
   * passages were blacked out, and on which ground; never the redacted content, nor the handler's free-text reason
   * (it may name the other person).
   */
  public record Redaction(String item, List<String> fields, int passages, String groundNl, String groundEn) {
  }

  private Redaction redaction(AccessItemRow row) {
    ExemptionCode ground = row.exemptionCode() == null ? ExemptionCode.THIRD_PARTY : row.exemptionCode();
    return new Redaction(review.describe(row.ref()).category(),
        row.redactFields().stream().map(DossierFields::label).toList(), row.redactTexts().size(), ground.groundNl(),
        ground.groundEn());
  }
}
