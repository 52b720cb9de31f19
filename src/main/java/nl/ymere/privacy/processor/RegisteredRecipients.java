package nl.ymere.privacy.processor;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import nl.ymere.privacy.personaldata.KnownRecipients;
import nl.ymere.privacy.personaldata.RecipientCategory;
import org.springframework.stereotype.Component;

/**
 * The register's parties that receive a kind of data today, by name (issue 15 item 10, Art 15(1)(c), CJEU
 * C-154/21): the same agreements the sharing gate would let data through to (in force, approval complete in the
 * register, not expired, purpose and category in scope), so the dossier names exactly who may receive the data.
 */
@Component
class RegisteredRecipients implements KnownRecipients {

  private final AgreementRepository agreements;
  private final AgreementApproval approval;
  private final Clock clock;

  RegisteredRecipients(AgreementRepository agreements, AgreementApproval approval, Clock clock) {
    this.agreements = agreements;
    this.approval = approval;
    this.clock = clock;
  }

  @Override
  public List<String> named(RecipientCategory category) {
    LocalDate today = LocalDate.now(clock);
    return agreements.coveringScope(category.purpose(), category.dataCategory()).stream()
        .filter(agreement -> agreement.inForceOn(today) && approval.isComplete(agreement))
        .map(RegisteredRecipients::describe)
        .distinct()
        .toList();
  }

  /** The party by name and its role, e.g. "Mailpost B.V. (verwerker)". */
  private static String describe(AgreementRecord agreement) {
    return agreement.partyName() + (agreement.role() == PartyRole.PROCESSOR ? " (verwerker)" : " (ontvanger)");
  }
}
