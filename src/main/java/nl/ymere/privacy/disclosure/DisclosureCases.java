package nl.ymere.privacy.disclosure;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A compelled-disclosure demand as the privacy officers see it beside their task (DESIGN principle 10): the demand,
 * the basis it names, the verification result, the selected items with who selected them (so the approver sees the
 * first pair of eyes) and the deferral. Item references and categories only; the items' content stays in its source.
 */
@Service
public class DisclosureCases {

  public record SelectedItem(String system, String itemId, String category, boolean flagged) {
  }

  public record DisclosureCase(String reference, String status, LocalDate receivedOn, String requesterKind,
      String partyCode, String legalBasis, Boolean basisValid, String requestedCategories, String demandText,
      String refusalReason, List<SelectedItem> items, String selectedBy, String approvedBy, boolean noticeDeferred,
      LocalDate deferralReviewOn) {
  }

  private final DisclosureRepository demands;

  DisclosureCases(DisclosureRepository demands) {
    this.demands = demands;
  }

  @Transactional(readOnly = true)
  public Optional<DisclosureCase> find(String reference) {
    return demands.find(reference).map(d -> new DisclosureCase(d.reference(), d.status(), d.receivedOn(),
        d.requesterKind(), d.partyCode(), d.legalBasis(), d.basisValid(), d.requestedCategories(), d.demandText(),
        d.refusalReason(), demands.items(d.id()).stream().map(i -> new SelectedItem(i.system(), i.itemId(),
        i.category(), i.flagged())).toList(), d.selectedBy(), d.approvedBy(), d.noticeDeferred(),
        d.deferralReviewOn()));
  }
}
