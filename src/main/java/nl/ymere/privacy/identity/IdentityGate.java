package nl.ymere.privacy.identity;

import nl.ymere.privacy.process.RefusedStepException;
import nl.ymere.privacy.request.IdentityStatus;
import nl.ymere.privacy.request.RequestRecord;
import nl.ymere.privacy.request.RequestRecords;
import nl.ymere.privacy.request.Representation;
import org.springframework.stereotype.Service;

/**
 * Identity before fulfilment (ID-1, REP-3..REP-5; issue 14, DESIGN principle 9): every right's fulfilment step
 * (access dossier and answer, erasure, rectification, restriction, portability export, objection, human review) asks
 * this gate first. It reads the request's identity status and the representative's authority check in the product's
 * tables ({@code privacy.dsr_request}, {@code privacy.representation_check}), never a process variable such as
 * {@code identityResult} or {@code authorityProven}, so a start of a fulfilment sub-process, a process instance
 * modification to one of its steps or an edited variable reaches nothing before the identity check has passed.
 */
@Service
public class IdentityGate {

  private final RequestRecords requests;

  IdentityGate(RequestRecords requests) {
    this.requests = requests;
  }

  /** Whether the request may be fulfilled: identity verified (or not required, ID-1), and authority accepted. */
  public boolean established(String reference) {
    return reason(requests.getByReference(reference)) == null;
  }

  /**
   * Refuses the fulfilment step (403 through the engine's doors, with this Dutch message) unless the request's
   * identity was verified, or needed no check (ID-1: an objection to direct marketing), and, for a request filed on
   * someone else's behalf, the representative's authority was checked and accepted (REP-3..REP-5).
   */
  public void requireEstablished(String reference) {
    String reason = reason(requests.getByReference(reference));
    if (reason != null) {
      throw new RefusedStepException(RefusedStepException.Kind.NOT_ALLOWED, "Verzoek " + reference + " kan nog niet "
          + "worden uitgevoerd: " + reason);
    }
  }

  private String reason(RequestRecord request) {
    IdentityStatus identity = request.identityStatus();
    if (identity != IdentityStatus.VERIFIED && identity != IdentityStatus.NOT_REQUIRED) {
      return "de identiteit van de verzoeker is niet vastgesteld (ID-1).";
    }
    Representation representation = request.representation();
    if (representation != null && representation != Representation.SELF
        && !requests.representativeAuthorityAccepted(request.id(), representation)) {
      return "de bevoegdheid van de vertegenwoordiger is niet gecontroleerd en aanvaard (REP-3, REP-4).";
    }
    return null;
  }
}
