package nl.ymere.privacy.consent;

import java.util.ArrayList;
import java.util.List;
import nl.ymere.privacy.personaldata.SubjectKey;
import nl.ymere.privacy.request.IdentityStatus;
import nl.ymere.privacy.request.RequestRecord;
import nl.ymere.privacy.request.RequestRecords;
import nl.ymere.privacy.request.RequestRight;
import nl.ymere.privacy.request.Representation;
import nl.ymere.privacy.web.ApiConflictException;
import nl.ymere.privacy.web.ApiFieldError;
import nl.ymere.privacy.web.ApiNotFoundException;
import nl.ymere.privacy.web.ApiUnprocessableException;
import java.time.Clock;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * REQ-1: a data-subject request of kind CONSENT_WITHDRAWAL withdraws the named consents through the same
 * {@link ConsentService#withdraw} as the desk and the public page. Checked in the product's tables: the request
 * exists, is of that kind and open, its identity step is done (ID rules), and every consent belongs to the request's
 * data subject; the representative of the request (parental authority, curatele, mentorschap) is recorded as the one
 * who withdrew (CON-3). All or nothing: one refused consent withdraws none.
 */
@Service
public class ConsentWithdrawalRequests {

  private final RequestRecords requests;
  private final ConsentService consents;
  private final Clock clock;

  ConsentWithdrawalRequests(RequestRecords requests, ConsentService consents, Clock clock) {
    this.requests = requests;
    this.consents = consents;
    this.clock = clock;
  }

  /**
   * The consents in force of the request's data subject (the person, or the represented person), for the desk's
   * choice on {@code /werkbank/verzoeken/{reference}/toestemmingen}; empty for a request of another kind.
   *
   * @throws ApiNotFoundException for an unknown request
   */
  @Transactional(readOnly = true)
  public List<ConsentRecord> inForce(String requestReference) {
    RequestRecord request = requests.findByReference(requestReference)
        .orElseThrow(() -> new ApiNotFoundException("Onbekend verzoek / no request " + requestReference));
    // CON-3: an authorised agent cannot withdraw for another person, so there is nothing to choose
    if (request.right() != RequestRight.CONSENT_WITHDRAWAL
        || request.representation() == Representation.AUTHORISED_AGENT) {
      return List.of();
    }
    GivenBy by = switch (request.representation()) {
      case SELF, AUTHORISED_AGENT -> GivenBy.SELF;
      case PARENTAL_AUTHORITY -> GivenBy.PARENTAL_AUTHORITY;
      case GUARDIANSHIP -> GivenBy.GUARDIANSHIP;
      case MENTORSHIP -> GivenBy.MENTORSHIP;
    };
    SubjectKey subject;
    try {
      subject = subjectOf(request, by);
    } catch (IllegalArgumentException e) {
      return List.of();
    }
    return consents.ofSubject(subject).stream().filter(c -> !c.withdrawn()).toList();
  }

  private static SubjectKey subjectOf(RequestRecord request, GivenBy by) {
    return by == GivenBy.SELF
        ? new SubjectKey(request.requesterName(), request.requesterDateOfBirth(), request.requesterEmail(), null)
        : new SubjectKey(request.subjectName(), request.subjectDateOfBirth(), null, null);
  }

  @Transactional
  public List<ConsentRecord> withdraw(String requestReference, List<String> consentReferences, String user) {
    RequestRecord request = requests.findByReference(requestReference)
        .orElseThrow(() -> new ApiNotFoundException("Onbekend verzoek / no request " + requestReference));
    if (request.right() != RequestRight.CONSENT_WITHDRAWAL) {
      throw new ApiConflictException("Verzoek " + requestReference + " is geen intrekking van toestemming / the request "
          + "is not of kind CONSENT_WITHDRAWAL");
    }
    if (request.isClosed()) {
      throw new ApiConflictException("Verzoek " + requestReference + " is gesloten / the request is closed");
    }
    if (request.identityStatus() == IdentityStatus.PENDING || request.identityStatus() == IdentityStatus.FAILED) {
      throw new ApiConflictException("De identiteit is nog niet vastgesteld / the identity step of the request is "
          + "not done (" + request.identityStatus() + ")");
    }
    GivenBy by = switch (request.representation()) {
      case SELF -> GivenBy.SELF;
      case PARENTAL_AUTHORITY -> GivenBy.PARENTAL_AUTHORITY;
      case GUARDIANSHIP -> GivenBy.GUARDIANSHIP;
      case MENTORSHIP -> GivenBy.MENTORSHIP;
      case AUTHORISED_AGENT -> throw new ApiUnprocessableException("Een gemachtigde kan toestemming niet intrekken "
          + "voor een ander (CON-3) / an authorised agent cannot withdraw consent");
    };
    List<String> own = consents.ofSubject(subjectOf(request, by)).stream().map(ConsentRecord::reference).toList();
    List<ApiFieldError> errors = new ArrayList<>();
    for (int i = 0; i < consentReferences.size(); i++) {
      if (!own.contains(consentReferences.get(i))) {
        errors.add(new ApiFieldError("consents[" + i + "]", "not a consent of the request's data subject"));
      }
    }
    if (!errors.isEmpty()) {
      throw new ApiUnprocessableException("Niet elke toestemming hoort bij de betrokkene van het verzoek / not every "
          + "consent belongs to the request's data subject", errors);
    }
    String byName = by == GivenBy.SELF ? null : request.requesterName();
    List<ConsentRecord> withdrawn = consentReferences.stream()
        .map(reference -> consents.withdraw(reference, new WithdrawConsent(ConsentChannel.DATA_SUBJECT_REQUEST, by,
            byName, requestReference, request.requesterPostalAddress()), user))
        .toList();
    requests.addEvent(request.id(), clock.instant(), "CONSENT_WITHDRAWN", user, "consents=" + withdrawn.size());
    return withdrawn;
  }
}
