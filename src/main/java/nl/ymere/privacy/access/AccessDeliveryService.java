package nl.ymere.privacy.access;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import nl.ymere.privacy.process.RefusedStepException;
import nl.ymere.privacy.request.RequestRecord;
import nl.ymere.privacy.request.RequestRecords;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The person's choice how to receive the access dossier (ACC-2): at the office with the ID checked again, or a
 * secure electronic delivery, link by e-mail and one-time code by post (ID-5); or no delivery when the person declines
 * or does not react. A new choice revokes any earlier download link.
 */
@Service
class AccessDeliveryService {

  static final int MAX_ADDRESS = 300;

  private final AccessDeliveryRepository repository;
  private final RequestRecords requests;
  private final Clock clock;

  AccessDeliveryService(AccessDeliveryRepository repository, RequestRecords requests, Clock clock) {
    this.repository = repository;
    this.requests = requests;
    this.clock = clock;
  }

  /**
   * Records the choice; bad input is refused with every problem named and nothing stored.
   *
   * @param codePostalAddress the address the one-time code is posted to; empty: the postal address of the request
   * @return the method, the value of the process variable {@code deliveryMethod}
   */
  @Transactional
  public DeliveryMethod choose(String reference, String method, String codePostalAddress, String user) {
    RequestRecord request = requests.getByReference(reference);
    List<String> errors = new ArrayList<>();
    DeliveryMethod chosen = null;
    try {
      chosen = DeliveryMethod.valueOf(method == null ? "" : method.strip());
    } catch (IllegalArgumentException e) {
      errors.add("Kies hoe het dossier wordt geleverd: ophalen op kantoor (afspraak), elektronisch, of afgezien.");
    }
    String address = codePostalAddress == null || codePostalAddress.isBlank() ? null : codePostalAddress.strip();
    if (chosen == DeliveryMethod.ELECTRONIC) {
      if (!request.hasEmail()) {
        errors.add("Elektronische levering kan alleen met een e-mailadres voor de downloadlink (ID-5); plan een "
            + "afspraak.");
      }
      if (address == null) {
        address = request.requesterPostalAddress() == null || request.requesterPostalAddress().isBlank() ? null
            : request.requesterPostalAddress().strip();
      }
      if (address == null) {
        errors.add("Vul het postadres in waar de eenmalige code naartoe gaat: de code gaat via een ander kanaal dan "
            + "de link (ID-5).");
      } else if (address.length() > MAX_ADDRESS) {
        errors.add("Het postadres is te lang (hoogstens " + MAX_ADDRESS + " tekens).");
      }
    }
    if (!errors.isEmpty()) {
      throw new RefusedStepException(String.join(" ", errors));
    }
    repository.revokeLinks(reference);
    repository.saveDelivery(reference, chosen, chosen == DeliveryMethod.ELECTRONIC ? address : null, user,
        clock.instant());
    requests.addEvent(request.id(), clock.instant(), "ACCESS_DELIVERY_" + chosen.name(), user);
    return chosen;
  }
}
