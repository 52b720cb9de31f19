package nl.ymere.privacy.consent;

import java.util.List;
import java.util.Optional;
import nl.ymere.privacy.personaldata.ConsentStatus;
import nl.ymere.privacy.personaldata.LegalBasis;
import nl.ymere.privacy.personaldata.SubjectKey;
import org.springframework.stereotype.Component;

/**
 * The consent register's answer for {@code PersonalDataSources.findUsable} and the sharing gate (CON-2: a withdrawal
 * is effective at once). Reads the product's tables at every call, never a process variable (trust boundary).
 */
@Component
class ConsentLookup implements ConsentStatus {

  private final ConsentRepository repository;

  ConsentLookup(ConsentRepository repository) {
    this.repository = repository;
  }

  @Override
  public boolean withdrawnForSystem(SubjectKey subject, String system) {
    List<String> purposes = repository.purposes().stream()
        .filter(p -> p.legalBasis() == LegalBasis.CONSENT && p.sourceSystems().contains(system))
        .map(Purpose::code).toList();
    if (purposes.isEmpty()) {
      return false;
    }
    List<ConsentRecord> consents = repository.ofSubject(subject);
    // per purpose the newest consent counts: withdrawn and not given again since
    return purposes.stream().anyMatch(purpose -> consents.stream().filter(c -> c.purposeCode().equals(purpose))
        .findFirst().map(ConsentRecord::withdrawn).orElse(false));
  }

  @Override
  public Optional<PurposeHold> purposeHold(String purposeCode) {
    Optional<Purpose> purpose = purposeCode == null ? Optional.empty() : repository.purpose(purposeCode);
    if (purpose.isEmpty()) {
      return Optional.empty();
    }
    if (purpose.get().awaitsCompatibilityTest()) {
      return Optional.of(PurposeHold.NO_COMPATIBILITY_TEST);
    }
    return purpose.get().published() ? Optional.empty() : Optional.of(PurposeHold.NOT_PUBLISHED);
  }

  @Override
  public Optional<Boolean> consentInForce(String purposeCode, SubjectKey subject) {
    Optional<Purpose> purpose = repository.purpose(purposeCode);
    if (purpose.isEmpty() || purpose.get().legalBasis() != LegalBasis.CONSENT) {
      return Optional.empty();
    }
    if (subject == null) {
      return Optional.of(false);
    }
    return Optional.of(repository.ofSubject(subject).stream()
        .anyMatch(c -> c.purposeCode().equals(purposeCode) && !c.withdrawn()));
  }
}
