package nl.ymere.privacy.access;

import static nl.ymere.privacy.access.AccessRequestProcess.Variables.ACCESS_REVIEWER;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;
import nl.ymere.privacy.process.RefusedStepException;
import nl.ymere.privacy.security.FourEyesSteps;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * ACC-4, LET-3 (issue 14 finding 3): the second person's approval of withheld items, decided on the product's tables.
 * Who may not approve: every user who decided a withheld or redacted item ({@code privacy.access_item_decision}) and
 * whoever completed the review ({@code privacy.four_eyes_step}, role {@code accessReviewer}); never a process
 * variable or only the review task's completer. The verdict is stored in {@code privacy.access_exemption_approval};
 * a dossier or letter with withheld items needs an approval there, given after the last item decision, by a user
 * outside that set, and only then does the letter say two people assessed it.
 */
@Service
class AccessExemptionApprovals {

  private final AccessRepository repository;
  private final FourEyesSteps fourEyes;
  private final Clock clock;

  AccessExemptionApprovals(AccessRepository repository, FourEyesSteps fourEyes, Clock clock) {
    this.repository = repository;
    this.fourEyes = fourEyes;
    this.clock = clock;
  }

  /** The verdict of {@code user} on the withheld items; refused to every first pair of eyes (ACC-4). */
  @Transactional
  public void decide(String reference, boolean approved, String user) {
    if (user == null || user.isBlank()) {
      throw new RefusedStepException(RefusedStepException.Kind.NOT_ALLOWED, "Vier ogen: de uitzonderingen kunnen "
          + "alleen door een ingelogde gebruiker worden goedgekeurd.");
    }
    if (withheld(reference) == 0) {
      throw new RefusedStepException(RefusedStepException.Kind.NOT_ALLOWED, "Bij verzoek " + reference + " is geen "
          + "gegeven geweigerd: er is geen uitzondering om goed te keuren (ACC-4).");
    }
    if (excluded(reference).contains(user)) {
      throw new RefusedStepException(RefusedStepException.Kind.NOT_ALLOWED, "Vier ogen: " + user + " heeft zelf "
          + "over een geweigerd of afgeschermd gegeven beslist of de beoordeling afgerond en mag de uitzonderingen "
          + "niet goedkeuren (ACC-4).");
    }
    repository.saveExemptionVerdict(reference, approved, user, clock.instant());
  }

  /**
   * Whether a second person approved the withheld items: the latest verdict is an approval, given after the last item
   * decision, by a user who decided no withheld or redacted item and did not complete the review.
   */
  public boolean approvedBySecondPerson(String reference) {
    return repository.latestExemptionVerdict(reference).filter(AccessRepository.ExemptionVerdict::approved)
        .filter(verdict -> {
          Instant lastDecision = repository.lastDecisionAt(reference);
          return lastDecision == null || !verdict.decidedAt().isBefore(lastDecision);
        })
        .filter(verdict -> !excluded(reference).contains(verdict.decidedBy())).isPresent();
  }

  /**
   * ACC-4, LET-3: no dossier and no answer letter with withheld items before a second person approved them (a
   * modification to the dossier or letter step, or an edited {@code exemptionsApproved}, reaches nothing).
   */
  public void requireApprovedWhenWithheld(String reference) {
    if (withheld(reference) > 0 && !approvedBySecondPerson(reference)) {
      throw new RefusedStepException(RefusedStepException.Kind.NOT_ALLOWED, "Verzoek " + reference + ": geweigerde "
          + "gegevens zijn nog niet door een tweede medewerker goedgekeurd (ACC-4, vier ogen); er gaat geen dossier "
          + "of brief uit.");
    }
  }

  private long withheld(String reference) {
    return repository.items(reference).stream().filter(item -> item.decision() == AccessDecision.WITHHOLD).count();
  }

  private Set<String> excluded(String reference) {
    Set<String> users = new LinkedHashSet<>(repository.exemptionDeciders(reference));
    users.addAll(fourEyes.usersOfCase(reference, ACCESS_REVIEWER.name()));
    return users;
  }
}
