package nl.ymere.privacy.personaldata;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A source whose items name their recipients individually where the register knows them (issue 15 item 10, ACC-1,
 * Art 15(1)(c) as read by CJEU C-154/21): to the recipients the source itself names (statutory bodies, a contractor
 * recorded on the item) it adds, per {@link RecipientCategory} of the item, the parties of the register by name, or
 * the category in words while no party is registered. Everything else is the source's own behaviour. The dossier, the
 * access review and the Art 19 lists of erasure, rectification and restriction all read items through this.
 */
final class NamedRecipientsSource implements PersonalDataSource {

  private final PersonalDataSource source;
  private final KnownRecipients known;

  NamedRecipientsSource(PersonalDataSource source, KnownRecipients known) {
    this.source = source;
    this.known = known;
  }

  private PersonalDataItem named(PersonalDataItem item) {
    List<RecipientCategory> categories = source.recipientCategories(item);
    if (categories.isEmpty()) {
      return item;
    }
    List<String> recipients = new ArrayList<>(item.recipients());
    for (RecipientCategory category : categories) {
      List<String> parties = known.named(category);
      (parties.isEmpty() ? List.of(category.description()) : parties).stream()
          .filter(recipient -> !recipients.contains(recipient)).forEach(recipients::add);
    }
    return new PersonalDataItem(item.system(), item.itemId(), item.category(), item.purpose(), item.legalBasis(),
        item.origin(), recipients, item.retention(), item.specialCategory(), item.criminalLaw(),
        item.thirdPartyData(), item.providedBySubject(), item.restricted());
  }

  @Override
  public List<RecipientCategory> recipientCategories(PersonalDataItem item) {
    return source.recipientCategories(item);
  }

  @Override
  public List<String> retentionCategories() {
    return source.retentionCategories();
  }

  @Override
  public List<RetentionCandidate> retentionCandidates(String category, java.time.LocalDate latestTrigger,
      long afterPosition, int limit) {
    return source.retentionCandidates(category, latestTrigger, afterPosition, limit);
  }

  @Override
  public List<SubjectKey> subjects(String category) {
    return source.subjects(category);
  }

  @Override
  public String system() {
    return source.system();
  }

  @Override
  public String displayName() {
    return source.displayName();
  }

  @Override
  public Set<String> flaggedItemReaders() {
    return source.flaggedItemReaders();
  }

  @Override
  public List<PersonalDataItem> find(SubjectKey subject) {
    return source.find(subject).stream().map(this::named).toList();
  }

  @Override
  public Optional<PersonalDataItem> item(String itemId) {
    return source.item(itemId).map(this::named);
  }

  @Override
  public Map<String, String> export(String itemId) {
    return source.export(itemId);
  }

  @Override
  public Set<String> correctableFields(String itemId) {
    return source.correctableFields(itemId);
  }

  @Override
  public Set<String> recordedOpinions(String itemId) {
    return source.recordedOpinions(itemId);
  }

  @Override
  public void correct(String itemId, String field, String newValue) {
    source.correct(itemId, field, newValue);
  }

  @Override
  public void restrict(String itemId, boolean restricted) {
    source.restrict(itemId, restricted);
  }

  @Override
  public void erase(String itemId) {
    source.erase(itemId);
  }

  @Override
  public void anonymise(String itemId) {
    source.anonymise(itemId);
  }
}
