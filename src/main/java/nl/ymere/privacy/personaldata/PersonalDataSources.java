package nl.ymere.privacy.personaldata;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import nl.ymere.privacy.security.Groups;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

/**
 * Every {@link PersonalDataSource} bean of the application, as one place to find and change a person's data
 * (ACC-2: the search covers every system). Reads of special-category and criminal-law items are allowed only to the
 * source's restricted team and the privacy officers, and every such read, granted or refused, is logged (SEC-1,
 * DESIGN principle 5). Nothing read here goes into process variables (SEC-3): callers store item references only.
 */
@Service
public class PersonalDataSources {

  private final Map<String, PersonalDataSource> sources = new LinkedHashMap<>();
  private final AccessLog accessLog;
  private final ObjectProvider<ConsentStatus> consents;

  PersonalDataSources(List<PersonalDataSource> sources, AccessLog accessLog, ObjectProvider<KnownRecipients> known,
      ObjectProvider<ConsentStatus> consents) {
    this.consents = consents;
    KnownRecipients register = known.getIfAvailable(() -> category -> List.of());
    sources.stream().sorted(Comparator.comparing(PersonalDataSource::system)).forEach(source -> {
      // issue 15 item 10: every item leaves here with its recipients named where the register knows them
      if (this.sources.putIfAbsent(source.system(), new NamedRecipientsSource(source, register)) != null) {
        throw new IllegalStateException("two personal-data sources call themselves " + source.system());
      }
    });
    this.accessLog = accessLog;
  }

  /** The connected sources, by system id. */
  public List<PersonalDataSource> all() {
    return List.copyOf(sources.values());
  }

  /** @throws PersonalDataException when no source has that system id */
  public PersonalDataSource source(String system) {
    PersonalDataSource source = sources.get(system);
    if (source == null) {
      throw new PersonalDataException("no personal-data source " + system);
    }
    return source;
  }

  /**
   * Every item about the person in every source. When the person has flagged items the reader may not read, each
   * refusal is logged and the call throws, so a caller never gets a silently incomplete list; granted reads of
   * flagged items are logged too.
   *
   * @throws RestrictedDataAccessDeniedException when the reader may not read one of the flagged items
   */
  public List<PersonalDataItem> findAll(SubjectKey subject, AccessPurpose purpose, DataReader reader) {
    List<PersonalDataItem> items = new ArrayList<>();
    sources.values().forEach(source -> items.addAll(source.find(subject)));
    List<PersonalDataItem> refused = items.stream().filter(item -> item.flagged() && !mayRead(reader, item)).toList();
    if (!refused.isEmpty()) {
      refused.forEach(item -> accessLog.record(reader, item.ref(), purpose, false));
      throw new RestrictedDataAccessDeniedException(reader.userId(), refused.get(0).ref());
    }
    items.stream().filter(PersonalDataItem::flagged)
        .forEach(item -> accessLog.record(reader, item.ref(), purpose, true));
    return List.copyOf(items);
  }

  /**
   * Every item about the person with its content, under the access rule and log of {@link #findAll} (each flagged
   * item is logged once).
   */
  public List<ItemContent> exportAll(SubjectKey subject, AccessPurpose purpose, DataReader reader) {
    return findAll(subject, purpose, reader).stream()
        .map(item -> new ItemContent(item, source(item.system()).export(item.itemId())))
        .toList();
  }

  /**
   * RES-2: the person's items that processing other than storage may use (marketing, the fraud model, exports to
   * others): items under the processing block of Art 18 are left out. Rights processes that must see every item
   * (access, rectification, erasure, restriction) use {@link PersonalDataSource#find}, which marks blocked items
   * ({@link PersonalDataItem#restricted()}). Descriptions only, so nothing flagged is read.
   *
   * <p>CON-2 (issue 20): consent-based items of a system whose purpose's consent the person withdrew are left out
   * from the instant of the withdrawal, before propagation and erasure have run.
   */
  public List<PersonalDataItem> findUsable(SubjectKey subject) {
    ConsentStatus consent = consents.getIfAvailable();
    return sources.values().stream().flatMap(source -> source.find(subject).stream())
        .filter(item -> !item.restricted())
        .filter(item -> item.legalBasis() != LegalBasis.CONSENT || consent == null
            || !consent.withdrawnForSystem(subject, item.system()))
        .toList();
  }

  /** How many flagged items the reader would be refused; counting reads no content, so nothing is logged. */
  public long countUnreadable(SubjectKey subject, DataReader reader) {
    return sources.values().stream().flatMap(source -> source.find(subject).stream())
        .filter(item -> item.flagged() && !mayRead(reader, item)).count();
  }

  /**
   * One item's content (for the dossier copy, ACC-1, and portability, POR-3), with the same access rule and log as
   * {@link #findAll}.
   */
  public Map<String, String> export(ItemRef ref, AccessPurpose purpose, DataReader reader) {
    PersonalDataSource source = source(ref.system());
    PersonalDataItem item = source.item(ref.itemId()).orElseThrow(() -> new UnknownItemException(ref.system(),
        ref.itemId()));
    if (item.flagged()) {
      boolean granted = mayRead(reader, item);
      accessLog.record(reader, ref, purpose, granted);
      if (!granted) {
        throw new RestrictedDataAccessDeniedException(reader.userId(), ref);
      }
    }
    return source.export(ref.itemId());
  }

  public void correct(ItemRef ref, String field, String newValue) {
    PersonalDataSource source = source(ref.system());
    // REC-1 for every source, whatever its own correctable fields say
    if (source.recordedOpinions(ref.itemId()).contains(field)) {
      throw new RecordedOpinionException(ref.system(), ref.itemId(), field);
    }
    source.correct(ref.itemId(), field, newValue);
  }

  /**
   * Applies a correction on behalf of a user (REC-1): a flagged item is changed only by its restricted team or a
   * privacy officer, and the attempt is logged like a read (SEC-1).
   *
   * @throws RestrictedDataAccessDeniedException when the user may not touch the flagged item; nothing changes
   */
  public void correct(ItemRef ref, String field, String newValue, AccessPurpose purpose, DataReader reader) {
    requireRead(ref, purpose, reader);
    correct(ref, field, newValue);
  }

  /**
   * Whether the user may read the item (SEC-1); a flagged item's read, granted or refused, is logged. For callers
   * that show something of the item (e.g. a proposed new value) without exporting it.
   */
  public boolean read(ItemRef ref, AccessPurpose purpose, DataReader reader) {
    PersonalDataItem item = source(ref.system()).item(ref.itemId())
        .orElseThrow(() -> new UnknownItemException(ref.system(), ref.itemId()));
    if (!item.flagged()) {
      return true;
    }
    boolean granted = mayRead(reader, item);
    accessLog.record(reader, ref, purpose, granted);
    return granted;
  }

  /** {@link #read}, throwing when refused. */
  public void requireRead(ItemRef ref, AccessPurpose purpose, DataReader reader) {
    if (!read(ref, purpose, reader)) {
      throw new RestrictedDataAccessDeniedException(reader.userId(), ref);
    }
  }

  public void restrict(ItemRef ref, boolean restricted) {
    source(ref.system()).restrict(ref.itemId(), restricted);
  }

  public void erase(ItemRef ref) {
    source(ref.system()).erase(ref.itemId());
  }

  public void anonymise(ItemRef ref) {
    source(ref.system()).anonymise(ref.itemId());
  }

  /** SEC-1: flagged items only for the owning source's restricted team and the privacy officers. */
  public boolean mayRead(DataReader reader, PersonalDataItem item) {
    if (!item.flagged()) {
      return true;
    }
    Set<String> allowed = Stream.concat(Stream.of(Groups.PRIVACY_OFFICERS),
        source(item.system()).flaggedItemReaders().stream()).collect(java.util.stream.Collectors.toSet());
    return reader.inAnyOf(allowed);
  }
}
