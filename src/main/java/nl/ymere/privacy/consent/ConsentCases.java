package nl.ymere.privacy.consent;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A withdrawn consent as the desk sees it beside a propagation task (DESIGN principle 10, "Zaak" tab): whose consent,
 * for which purpose, who withdrew it and when, and every source and processor to tell with its due time and state,
 * read from {@code privacy.consent*} at view time. The caller has already found the task with the viewer's own engine
 * authorizations.
 */
@Service
public class ConsentCases {

  /** The case of one withdrawn (or given) consent. */
  public record ConsentCase(String reference, String purposeCode, String purposeName, String subjectName,
      String subjectEmail, String subjectTenancyNumber, String givenBy, String givenByName, Instant givenAt,
      Instant withdrawnAt, String withdrawalChannel, String withdrawnBy, String withdrawnByName,
      String propagationStatus, List<PropagationStep> steps, List<ErasureListItem> erasureList,
      String erasureListApprovedBy) {
  }

  private final ConsentRepository repository;

  ConsentCases(ConsentRepository repository) {
    this.repository = repository;
  }

  @Transactional(readOnly = true)
  public Optional<ConsentCase> find(String reference) {
    return repository.find(reference).map(consent -> new ConsentCase(consent.reference(), consent.purposeCode(),
        repository.purpose(consent.purposeCode()).map(Purpose::nameNl).orElse(consent.purposeCode()),
        consent.subjectName(), consent.subjectEmail(), consent.subjectTenancyNumber(), consent.givenBy().name(),
        consent.givenByName(), consent.givenAt(), consent.withdrawnAt(),
        consent.withdrawalChannel() == null ? null : consent.withdrawalChannel().name(),
        consent.withdrawnBy() == null ? null : consent.withdrawnBy().name(), consent.withdrawnByName(),
        consent.propagationStatus().name(), repository.steps(consent.id()), repository.erasureList(consent.id()),
        repository.erasureListApprovedBy(consent.id()).orElse(null)));
  }
}
