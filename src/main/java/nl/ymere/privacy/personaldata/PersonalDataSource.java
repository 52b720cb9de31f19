package nl.ymere.privacy.personaldata;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One system of the corporation that holds personal data (ACC-2: the search covers every system). A real system
 * connects by implementing this interface as a Spring bean; {@link PersonalDataSources} collects every bean, and the
 * abstract contract test ({@code PersonalDataSourceContract}) proves an implementation behaves.
 *
 * <p>Implementations read and change only their own store and never check access themselves: reads of flagged items
 * go through {@link PersonalDataSources}, which enforces and logs SEC-1. Exception messages name the system, item ids
 * and field names only, never content (SEC-3).
 */
public interface PersonalDataSource {

  /** Stable short id of the system, e.g. {@code tenancy}; part of every {@link ItemRef}. */
  String system();

  /**
   * The data categories this system stores, as stable codes within the system (RET-1: each needs an entry in the
   * retention schedule, {@code nl.ymere.privacy.retention.RetentionSchedule}; no schedule entry, no storage). One
   * category named like the system unless the system holds several (e.g. tenancy contracts and rent payments).
   */
  default java.util.List<String> retentionCategories() {
    return java.util.List.of(system());
  }

  /**
   * The items of a category whose retention trigger lies on or before {@code latestTrigger} (trigger + period ≤
   * today, RET-3), in {@link RetentionCandidate#position()} order after {@code afterPosition}, at most {@code limit}.
   * A source that offers none (e.g. camera footage, swept by its own CAM-5 sweep) returns an empty list.
   */
  default java.util.List<RetentionCandidate> retentionCandidates(String category, java.time.LocalDate latestTrigger,
      long afterPosition, int limit) {
    return java.util.List.of();
  }

  /** The system's name as shown to handlers and in the dossier. */
  String displayName();

  /**
   * Groups that may read this source's special-category and criminal-law items besides the privacy officers
   * (SEC-1), e.g. {@code nuisance-team}. Empty when the source holds no flagged items.
   */
  Set<String> flaggedItemReaders();

  /** Every item about the person, described per ACC-1; matched on the identifiers of the key this system holds. */
  List<PersonalDataItem> find(SubjectKey subject);

  /** One item by id, or empty when unknown or erased. */
  Optional<PersonalDataItem> item(String itemId);

  /**
   * The item's content in a structured form (field name to value, in a stable order; absent values are left out):
   * what the dossier copy (ACC-1) and the portability export (POR-3) are built from.
   *
   * @throws UnknownItemException for an unknown or erased item
   */
  Map<String, String> export(String itemId);

  /** The fields {@link #correct} accepts for this item (REC-1; recorded opinions are not among them). */
  Set<String> correctableFields(String itemId);

  /**
   * The item's fields that record someone's opinion, assessment or observation (REC-1): never rewritten by a
   * correction, whatever the source's correctable fields say; the person's statement is attached instead.
   * {@link PersonalDataSources#correct} refuses them for every source.
   */
  default Set<String> recordedOpinions(String itemId) {
    return Set.of();
  }

  /**
   * Replaces one field's value (Art 16).
   *
   * @throws FieldNotCorrectableException for a field not in {@link #correctableFields}; nothing changes
   * @throws UnknownItemException for an unknown item
   */
  void correct(String itemId, String field, String newValue);

  /** Sets or lifts the processing block of Art 18 (RES-2); lifting is preceded by a notice (RES-3, the caller's). */
  void restrict(String itemId, boolean restricted);

  /** Deletes the item for good (Art 17, ERA-5). Whether it may be erased (ERA-2, RET-4) is decided by the caller. */
  void erase(String itemId);

  /**
   * Irreversibly removes everything that identifies the person (RET-2: pseudonymising is not enough); what is left
   * is no longer personal data, so the item is no longer found for anyone. The tenancy source (the categories the
   * schedule anonymises) moves the item out of its table into counts that cannot be joined back (V54); the others
   * clear every identifying column and free text in place.
   */
  void anonymise(String itemId);

  /**
   * The item's recipients that the processor register can name (issue 15 item 10, Art 15(1)(c)): per kind, the
   * parties with an agreement or covenant in force for that purpose and data category, or the kind in words while
   * none is registered. Recipients the source names itself stay in {@link PersonalDataItem#recipients()}.
   */
  default List<RecipientCategory> recipientCategories(PersonalDataItem item) {
    return List.of();
  }

  /**
   * Every person the system holds live items about in one of its {@link #retentionCategories()}, as the key this
   * system matches on (e.g. all tenancy contracts: the persons affected by a breach of the tenancy administration,
   * BRE-4, Art 34). A source that cannot list its persons returns an empty list; an unknown category too.
   */
  default List<SubjectKey> subjects(String category) {
    return List.of();
  }
}
