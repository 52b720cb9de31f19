package nl.ymere.privacy.disclosure;

import java.time.LocalDate;
import java.util.List;
import nl.ymere.privacy.disclosure.DemandLegalBasis.RequesterKind;

/**
 * Input of {@code POST /api/disclosure-demands}: a written demand (PRC-7) from a registered party, the basis it names,
 * whom it is about and what it asks for.
 */
public record RegisterDemandCommand(
    LocalDate receivedOn,
    RequesterKind requesterKind,
    String partyCode,
    String requesterContact,
    String replyEmail,
    DemandLegalBasis legalBasis,
    String legalBasisText,
    Subject subject,
    List<String> requestedCategories,
    String demandText) {

  public record Subject(String email, String tenancyNumber) {
  }
}
