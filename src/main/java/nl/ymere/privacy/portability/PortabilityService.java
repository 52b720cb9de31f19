package nl.ymere.privacy.portability;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.ymere.privacy.process.RefusedStepException;
import nl.ymere.privacy.identity.IdentityGate;
import nl.ymere.privacy.mail.OrganisationDetails;
import nl.ymere.privacy.personaldata.AccessPurpose;
import nl.ymere.privacy.personaldata.DataReader;
import nl.ymere.privacy.personaldata.PersonalDataItem;
import nl.ymere.privacy.personaldata.PersonalDataSource;
import nl.ymere.privacy.personaldata.PersonalDataSources;
import nl.ymere.privacy.personaldata.RestrictedDataAccessDeniedException;
import nl.ymere.privacy.personaldata.SubjectKey;
import nl.ymere.privacy.portability.PortabilityFileWriter.ExportedItem;
import nl.ymere.privacy.process.RefusedStepException;
import nl.ymere.privacy.request.LetterType;
import nl.ymere.privacy.request.Outcome;
import nl.ymere.privacy.request.RequestLetters;
import nl.ymere.privacy.request.RequestRecord;
import nl.ymere.privacy.request.RequestRecords;
import nl.ymere.privacy.security.Groups;
import nl.ymere.privacy.web.ApiNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The right to data portability (Art 20; POR-1..3). Selects the items the person provided (incl. observed data) that
 * are processed on consent or contract, leaving out derived data and anything holding someone else's data; writes
 * them from {@link PersonalDataSource#export} as JSON or CSV with a SHA-256 and records datasets, format, recipient
 * and date; records a direct transfer; sends the letter. When nothing qualifies the request is answered as access
 * (POR-1). Nothing is erased. Only counts and codes go back to the process (SEC-3).
 */
@Service
public class PortabilityService {

  /**
   * The reader of the compiling step, which runs without a user of its own: it reads as a privacy officer would
   * (SEC-1) and every read of a flagged item is logged under this id with purpose PORTABILITY_REQUEST. Staff who
   * download the file afterwards are checked themselves ({@link #exportFor}).
   */
  static final DataReader SYSTEM_READER = new DataReader("system:dsr-portability", Set.of(Groups.PRIVACY_OFFICERS));
  static final String DOCUMENT_TYPE = "PORTABILITY_EXPORT";
  static final String DOCUMENT_VERSION = "1";
  /** Recipient recorded until a direct transfer to an organisation is done. */
  static final String RECIPIENT_PERSON = "DATA_SUBJECT";
  static final int MAX_TEXT = 300;

  private final PortabilityRepository repository;
  private final PersonalDataSources sources;
  private final RequestRecords requests;
  private final RequestLetters letters;
  private final OrganisationDetails organisation;
  private final Clock clock;
  private final IdentityGate identity;

  PortabilityService(PortabilityRepository repository, PersonalDataSources sources, RequestRecords requests,
      RequestLetters letters, OrganisationDetails organisation, Clock clock, IdentityGate identity) {
    this.identity = identity;
    this.repository = repository;
    this.sources = sources;
    this.requests = requests;
    this.letters = letters;
    this.organisation = organisation;
    this.clock = clock;
  }

  /** The search and the person's choices (POR-3 format, ID-5 route, direct transfer); codes checked first. */
  @Transactional
  public void confirmSearch(String reference, String tenancyNumber, String format, String route,
      Boolean directTransfer, String user) {
    if (user == null) {
      throw new RefusedStepException(RefusedStepException.Kind.NOT_ALLOWED, "De zoekopdracht kan alleen door een ingelogde gebruiker worden bevestigd.");
    }
    if (tenancyNumber != null && !tenancyNumber.matches("[A-Za-z0-9-]{1,40}")) {
      throw new RefusedStepException("Het huurcontractnummer bestaat uit letters, cijfers en streepjes (hoogstens "
          + "40 tekens).");
    }
    ExportFormat exportFormat = code(ExportFormat.class, format == null ? ExportFormat.JSON.name() : format,
        "Kies het formaat JSON of CSV (POR-3).");
    DeliveryRoute deliveryRoute = code(DeliveryRoute.class, route,
        "Kies de aflevering: OFFICE (ophalen op kantoor met identiteitsbewijs) of SECURE_ELECTRONIC (ID-5).");
    repository.saveCase(reference, tenancyNumber, exportFormat, deliveryRoute, Boolean.TRUE.equals(directTransfer),
        user, clock.instant());
    event(reference, "PORTABILITY_SEARCH_CONFIRMED", user);
  }

  /**
   * POR-1, POR-2, Art 20(4): every item found is listed as portable or left out with its reason. Descriptions only
   * are read here, no content.
   *
   * @return the number of portable items and the number left out
   */
  @Transactional
  public Selection selectItems(String reference) {
    PortabilityCase search = requireCase(reference);
    SubjectKey subject = subjectOf(requests.getByReference(reference), search.tenancyNumber());
    int portable = 0;
    int excluded = 0;
    for (PersonalDataSource source : sources.all()) {
      for (PersonalDataItem item : source.find(subject)) {
        PortabilityExclusion exclusion = PortabilityExclusion.of(item);
        repository.addItem(reference, item.ref(), item.category(), item.legalBasis().name(), exclusion);
        if (exclusion == null) {
          portable++;
        } else {
          excluded++;
        }
      }
    }
    event(reference, portable > 0 ? "PORTABILITY_ITEMS_SELECTED" : "PORTABILITY_NOTHING_PORTABLE", null);
    return new Selection(portable, excluded);
  }

  /** How many items found are portable and how many are left out (the only numbers the process gets). */
  public record Selection(int portable, int excluded) {
  }

  /** POR-3: the file from each portable item's export, its checksum and the record; listed with the request. */
  @Transactional
  public PortabilityExport compileExport(String reference) {
    identity.requireEstablished(reference); // ID-1: no export before identity is established (IdentityGate)
    PortabilityCase search = requireCase(reference);
    List<ExportedItem> items = new ArrayList<>();
    Set<String> datasets = new LinkedHashSet<>();
    for (PortabilityItemRow row : repository.items(reference)) {
      if (!row.included()) {
        continue;
      }
      PersonalDataSource source = sources.source(row.ref().system());
      PersonalDataItem item = source.item(row.ref().itemId()).orElse(null);
      if (item == null || PortabilityExclusion.of(item) != null) {
        continue;
      }
      Map<String, String> fields = sources.export(row.ref(), AccessPurpose.PORTABILITY_REQUEST, SYSTEM_READER);
      items.add(new ExportedItem(item.system(), source.displayName(), item.itemId(), item.category(),
          item.legalBasis().name(), item.origin(), fields));
      datasets.add(source.displayName() + ": " + item.category());
    }
    Instant now = clock.instant();
    byte[] content = PortabilityFileWriter.write(search.format(), reference, organisation.name(), now, items);
    PortabilityExport export = new PortabilityExport(reference, search.format(), String.join("\n", datasets),
        items.size(), RECIPIENT_PERSON, content, PortabilityFileWriter.sha256(content), now);
    repository.saveExport(export);
    RequestRecord request = requests.getByReference(reference);
    requests.addDocument(request.id(), DOCUMENT_TYPE, DOCUMENT_VERSION, now, "portability-export");
    event(reference, "PORTABILITY_EXPORT_COMPILED_" + search.format().name(), null);
    return export;
  }

  /** The handler's review of the export (counts only in the process). */
  @Transactional
  public void review(String reference, Boolean approved, String user) {
    if (user == null) {
      throw new RefusedStepException(RefusedStepException.Kind.NOT_ALLOWED, "De controle kan alleen door een ingelogde gebruiker worden afgerond.");
    }
    if (approved == null) {
      throw new RefusedStepException("Geef aan of de export klopt (goedgekeurd of opnieuw zoeken).");
    }
    requireExport(reference);
    if (approved) {
      repository.reviewed(reference, user, clock.instant());
    }
    event(reference, approved ? "PORTABILITY_EXPORT_APPROVED" : "PORTABILITY_EXPORT_SENT_BACK", user);
  }

  /**
   * Art 20(2), POR-3: the direct transfer to the organisation the person chose, to a verified address, where
   * technically feasible; recorded in the product tables either way.
   */
  @Transactional
  public void recordTransfer(String reference, String organisationName, String address, Boolean addressVerified,
      Boolean feasible, String user) {
    identity.requireEstablished(reference); // ID-1: no export before identity is established (IdentityGate)
    if (user == null) {
      throw new RefusedStepException(RefusedStepException.Kind.NOT_ALLOWED, "De overdracht kan alleen door een ingelogde gebruiker worden vastgelegd.");
    }
    List<String> problems = new ArrayList<>();
    if (organisationName == null || organisationName.length() > MAX_TEXT) {
      problems.add("de naam van de organisatie (hoogstens " + MAX_TEXT + " tekens)");
    }
    if (address == null || address.length() > MAX_TEXT) {
      problems.add("het adres waarop de organisatie de gegevens ontvangt (hoogstens " + MAX_TEXT + " tekens)");
    }
    if (!Boolean.TRUE.equals(addressVerified)) {
      problems.add("de bevestiging dat het adres bij de organisatie is gecontroleerd (POR-3)");
    }
    if (feasible == null) {
      problems.add("of de rechtstreekse overdracht technisch mogelijk was");
    }
    if (!problems.isEmpty()) {
      throw new RefusedStepException("Vul in: " + String.join("; ", problems) + ".");
    }
    PortabilityExport export = requireExport(reference);
    requireReviewed(reference);
    repository.saveTransfer(reference, organisationName, address, feasible, feasible ? export.sha256() : null, user,
        clock.instant());
    if (feasible) {
      repository.setRecipient(reference, organisationName);
    }
    event(reference, feasible ? "PORTABILITY_TRANSFERRED" : "PORTABILITY_TRANSFER_NOT_FEASIBLE", user);
  }

  /** LET-1: what was exported, the format, the checksum, how it is delivered, what was left out and why. */
  @Transactional
  public Outcome sendLetter(String reference) {
    identity.requireEstablished(reference); // ID-1: no export before identity is established (IdentityGate)
    PortabilityCase search = requireCase(reference);
    PortabilityExport export = requireExport(reference);
    requireReviewed(reference);
    List<PortabilityItemRow> items = repository.items(reference);
    Map<String, Object> variables = new LinkedHashMap<>();
    variables.put("format", export.format().name());
    variables.put("route", search.route().name());
    variables.put("sha256", export.sha256());
    variables.put("itemCount", export.itemCount());
    variables.put("datasets", List.of(export.datasets().split("\n")));
    variables.put("excluded", excludedByReason(items));
    variables.put("transfer", repository.transfer(reference).orElse(null));
    letters.send(requests.getByReference(reference), LetterType.PORTABILITY_RESULT, variables);
    event(reference, "PORTABILITY_LETTER_QUEUED", null);
    return Outcome.GRANTED;
  }

  /**
   * POR-3 (issue 14): the export leaves only after its review is recorded in {@code portability_case.reviewed_by}
   * (reset when the search is confirmed again); the variable {@code exportApproved} and a process instance
   * modification to the transfer or letter step count for nothing.
   */
  private void requireReviewed(String reference) {
    if (requireCase(reference).reviewedBy() == null) {
      throw new RefusedStepException(RefusedStepException.Kind.NOT_ALLOWED, "De export van verzoek " + reference
          + " is niet gecontroleerd; er gaat niets naar de persoon of een andere organisatie (POR-3).");
    }
  }

  /** POR-1: nothing qualifies, so the request is answered as access; the person is told why first. */
  @Transactional
  public void explainAnswerAsAccess(String reference) {
    Map<String, Object> variables = new LinkedHashMap<>();
    variables.put("excluded", excludedByReason(repository.items(reference)));
    letters.send(requests.getByReference(reference), LetterType.PORTABILITY_AS_ACCESS, variables);
    event(reference, "PORTABILITY_ANSWERED_AS_ACCESS", null);
  }

  /** For the review task's description: counts and categories, no content. */
  public String summary(String reference) {
    List<PortabilityItemRow> items = repository.items(reference);
    StringBuilder text = new StringBuilder();
    long portable = items.stream().filter(PortabilityItemRow::included).count();
    text.append(portable).append(" gegevens in de export, ").append(items.size() - portable)
        .append(" weggelaten. Download: /api/requests/").append(reference).append("/portability-export\n");
    for (PortabilityItemRow row : items) {
      text.append(row.included() ? "IN  " : "UIT ").append(row.ref()).append(" (").append(row.category())
          .append(")").append(row.included() ? "" : " " + row.exclusion().name()).append('\n');
    }
    return text.length() > 3900 ? text.substring(0, 3900) + "…" : text.toString();
  }

  /**
   * The file for a staff member (privacy desk or privacy officer by the security chain). When it holds special-
   * category or criminal-law items, each is checked and logged for this reader (SEC-1).
   *
   * @throws ApiNotFoundException when the request has no export
   * @throws RestrictedExportException when the reader may not read a flagged item in it
   */
  @Transactional(readOnly = true)
  public PortabilityExport exportFor(String reference, DataReader reader) {
    requests.findByReference(reference).orElseThrow(() -> new ApiNotFoundException(
        "No request " + reference + "."));
    PortabilityExport export = repository.export(reference).orElseThrow(() -> new ApiNotFoundException(
        "No portability export for request " + reference + "."));
    for (PortabilityItemRow row : repository.items(reference)) {
      if (!row.included()) {
        continue;
      }
      PersonalDataItem item = sources.source(row.ref().system()).item(row.ref().itemId()).orElse(null);
      if (item != null && item.flagged()) {
        try {
          sources.export(row.ref(), AccessPurpose.PORTABILITY_REQUEST, reader);
        } catch (RestrictedDataAccessDeniedException e) {
          throw new RestrictedExportException(row.ref());
        }
      }
    }
    return export;
  }

  /** Categories left out per reason (reason code as key, for the letter templates), in the enum's order. */
  private static Map<String, List<String>> excludedByReason(List<PortabilityItemRow> items) {
    Map<PortabilityExclusion, List<String>> excluded = new EnumMap<>(PortabilityExclusion.class);
    items.stream().filter(row -> !row.included()).forEach(row ->
        excluded.computeIfAbsent(row.exclusion(), e -> new ArrayList<>()).add(row.category()));
    Map<String, List<String>> byCode = new LinkedHashMap<>();
    excluded.forEach((reason, categories) -> byCode.put(reason.name(), categories));
    return byCode;
  }

  private PortabilityCase requireCase(String reference) {
    return repository.findCase(reference).orElseThrow(() -> new IllegalStateException(
        "no portability search for request " + reference));
  }

  private PortabilityExport requireExport(String reference) {
    return repository.export(reference).orElseThrow(() -> new RefusedStepException(
        "Er is nog geen export voor verzoek " + reference + "."));
  }

  /**
   * The key of the person the data are about: the data subject when someone acts for them (no e-mail then: the
   * address on the request is the representative's), otherwise the requester; plus the tenancy number entered.
   */
  static SubjectKey subjectOf(RequestRecord request, String tenancyNumber) {
    if (request.subjectName() != null && !request.subjectName().isBlank()) {
      return new SubjectKey(request.subjectName(), request.subjectDateOfBirth(), null, tenancyNumber);
    }
    return new SubjectKey(request.requesterName(), request.requesterDateOfBirth(), request.requesterEmail(),
        tenancyNumber);
  }

  private static <E extends Enum<E>> E code(Class<E> type, String value, String message) {
    if (value == null) {
      throw new RefusedStepException(message);
    }
    try {
      return Enum.valueOf(type, value);
    } catch (IllegalArgumentException e) {
      throw new RefusedStepException(message);
    }
  }

  private void event(String reference, String type, String user) {
    requests.addEvent(requests.getByReference(reference).id(), clock.instant(), type, user);
  }
}
