package nl.ymere.privacy.breach;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import nl.ymere.privacy.breach.BreachRepository.ListedPerson;
import nl.ymere.privacy.personaldata.PersonalDataException;
import nl.ymere.privacy.personaldata.PersonalDataItem;
import nl.ymere.privacy.personaldata.PersonalDataSource;
import nl.ymere.privacy.personaldata.PersonalDataSources;
import nl.ymere.privacy.personaldata.SubjectKey;
import nl.ymere.privacy.process.RefusedStepException;
import nl.ymere.privacy.web.ApiConflictException;
import nl.ymere.privacy.web.ApiFieldError;
import nl.ymere.privacy.web.ApiFieldErrors;
import nl.ymere.privacy.web.ApiNotFoundException;
import nl.ymere.privacy.web.ApiPayloadTooLargeException;
import nl.ymere.privacy.web.ApiUnprocessableException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The list of persons affected by a breach (BRE-4, Art 34; issue 18 item 5), compiled by the handler in three ways:
 * a CSV of tenancy numbers ({@code POST /api/breaches/{reference}/persons}), a query of a personal-data source for
 * every person of one of its categories ({@code POST /api/breaches/{reference}/persons/from-source}), or typed in the
 * task. The list lives in {@code privacy.breach_person}, never in the engine (DESIGN principle 2). Every tenancy
 * number is checked against the tenancy administration before anything is stored: a bad row refuses the whole list
 * (400 for a malformed row, 422 for an unknown tenancy number), naming the rows, never their content (SEC-3).
 */
@Service
public class BreachPersons {

  static final String TENANCY_SYSTEM = "tenancy";
  static final int MAX_ROWS = 20_000;
  static final int MAX_BYTES = 1_000_000;
  /** The letter's language: Dutch first (default) or English first (on request or as on file). */
  static final String DUTCH = "nl";
  static final String ENGLISH = "en";

  private static final Pattern TENANCY_NUMBER = Pattern.compile("[A-Za-z0-9][A-Za-z0-9./_-]{0,39}");
  private static final Pattern SEPARATOR = Pattern.compile("[;,\\t]");

  /** One row of a list: where it was (line or position), the tenancy number and the chosen language (or null). */
  record Entry(int row, String tenancyNumber, String language) {
  }

  /** A person to write to: the tenancy number, the contact details from the source, and the letter's language. */
  record Addressee(String tenancyNumber, Map<String, String> contact, String language) {
  }

  private final BreachRepository breaches;
  private final PersonalDataSources sources;
  private final Clock clock;

  BreachPersons(BreachRepository breaches, PersonalDataSources sources, Clock clock) {
    this.breaches = breaches;
    this.sources = sources;
    this.clock = clock;
  }

  /**
   * Adds the tenancy numbers of an uploaded CSV (one per row, optionally {@code ;nl} or {@code ;en} for the letter's
   * language; a header row {@code tenancyNumber;language} is allowed). Returns how many persons are new on the list.
   */
  @Transactional
  public int addCsv(String reference, byte[] csv, String user) {
    Breach breach = openBreach(reference);
    if (csv == null || csv.length == 0) {
      throw new nl.ymere.privacy.web.ApiValidationException("file", "is required: a CSV of tenancy numbers");
    }
    if (csv.length > MAX_BYTES) {
      throw new ApiPayloadTooLargeException("The CSV is larger than " + MAX_BYTES + " bytes; split the list.");
    }
    String text = new String(csv, StandardCharsets.UTF_8);
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    ApiFieldErrors malformed = new ApiFieldErrors();
    List<Entry> entries = new ArrayList<>();
    String[] lines = text.split("\\r?\\n|\\r", -1);
    boolean first = true;
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      if (line.isEmpty()) {
        continue;
      }
      String[] fields = SEPARATOR.split(line, -1);
      if (first && (fields[0].strip().equalsIgnoreCase("tenancyNumber")
          || fields[0].strip().equalsIgnoreCase("huurcontractnummer"))) {
        first = false;
        continue;
      }
      first = false;
      int row = i + 1;
      String number = fields[0].strip();
      String language = fields.length > 1 ? fields[1].strip().toLowerCase(Locale.ROOT) : "";
      if (fields.length > 2 || !TENANCY_NUMBER.matcher(number).matches()
          || !(language.isEmpty() || language.equals(DUTCH) || language.equals(ENGLISH))) {
        malformed.add("rows[" + row + "]", "malformed row: expected a tenancy number, optionally ;nl or ;en");
        continue;
      }
      entries.add(new Entry(row, number, language.isEmpty() ? null : language));
    }
    if (entries.size() > MAX_ROWS) {
      malformed.add("file", "more than " + MAX_ROWS + " rows; split the list");
    }
    if (entries.isEmpty() && malformed.isEmpty()) {
      malformed.add("file", "contains no tenancy numbers");
    }
    malformed.throwIfAny();
    List<ApiFieldError> unknown = unknownRows(entries, "rows");
    if (!unknown.isEmpty()) {
      throw new ApiUnprocessableException(unknown.size() + " row(s) name a tenancy number the tenancy administration "
          + "does not know; nothing was stored", unknown);
    }
    return store(breach, entries, "CSV", user);
  }

  /**
   * Adds every person a personal-data source holds in one of its categories (e.g. system {@code tenancy}, category
   * {@code contract} when the tenancy administration leaked). Only persons with a tenancy number can get a letter;
   * returns how many are new on the list.
   */
  @Transactional
  public int addFromSource(String reference, String system, String category, String user) {
    Breach breach = openBreach(reference);
    ApiFieldErrors errors = new ApiFieldErrors();
    PersonalDataSource source = null;
    if (system == null || system.isBlank()) {
      errors.add("system", "is required (a personal-data source, e.g. tenancy)");
    } else {
      try {
        source = sources.source(system.strip());
      } catch (PersonalDataException e) {
        errors.add("system", "unknown personal-data source");
      }
    }
    if (category == null || category.isBlank()) {
      errors.add("category", "is required (one of the source's data categories)");
    } else if (source != null && !source.retentionCategories().contains(category.strip())) {
      errors.add("category", "unknown category of " + source.system() + "; one of " + source.retentionCategories());
    }
    errors.throwIfAny();
    List<Entry> entries = new ArrayList<>();
    int position = 0;
    for (SubjectKey subject : source.subjects(category.strip())) {
      position++;
      if (subject.tenancyNumber() != null) {
        entries.add(new Entry(position, subject.tenancyNumber(), null));
      }
    }
    if (entries.isEmpty()) {
      throw new ApiUnprocessableException("The source " + source.system() + " lists no persons with a tenancy number "
          + "in category " + category.strip() + "; nothing was stored");
    }
    return store(breach, entries, "SOURCE:" + source.system() + "/" + category.strip(), user);
  }

  /**
   * Adds the tenancy numbers typed in the task (separated by new lines, commas, semicolons or spaces; a number may be
   * followed by {@code en} or {@code nl} for the letter's language). Refused as a whole when one is unknown.
   */
  int addTyped(Breach breach, String typed, String user) {
    if (typed == null || typed.isBlank()) {
      return 0;
    }
    List<Entry> entries = new ArrayList<>();
    int position = 0;
    for (String token : typed.strip().split("[,;\\s]+")) {
      String lower = token.toLowerCase(Locale.ROOT);
      if ((lower.equals(DUTCH) || lower.equals(ENGLISH)) && !entries.isEmpty()) {
        Entry last = entries.remove(entries.size() - 1);
        entries.add(new Entry(last.row(), last.tenancyNumber(), lower));
        continue;
      }
      position++;
      if (!TENANCY_NUMBER.matcher(token).matches()) {
        throw new RefusedStepException("Huurcontractnummer " + position + " in de lijst is geen geldig nummer; er is "
            + "niets verstuurd.");
      }
      entries.add(new Entry(position, token, null));
    }
    List<ApiFieldError> unknown = unknownRows(entries, "items");
    if (!unknown.isEmpty()) {
      throw new RefusedStepException("Huurcontractnummer(s) " + String.join(", ", unknown.stream()
          .map(e -> e.field().replaceAll("\\D", "")).toList()) + " in de lijst zijn onbekend; er is niets verstuurd.");
    }
    return store(breach, entries, "TASK", user);
  }

  /** Every listed person with contact details and the letter's language; a person gone from the source is skipped. */
  List<Addressee> addressees(Breach breach) {
    List<Addressee> addressees = new ArrayList<>();
    for (ListedPerson person : breaches.listedPersons(breach.id())) {
      contactOf(person.tenancyNumber()).ifPresent(contact -> addressees.add(new Addressee(person.tenancyNumber(),
          contact, languageOf(person.language(), contact))));
    }
    return addressees;
  }

  /** The handler's choice first, then the preferred language on file, else Dutch. */
  static String languageOf(String chosen, Map<String, String> contact) {
    if (chosen != null) {
      return chosen;
    }
    return ENGLISH.equalsIgnoreCase(String.valueOf(contact.get("preferredLanguage")).strip()) ? ENGLISH : DUTCH;
  }

  /** How many persons are on the list of the breach. */
  int listed(Breach breach) {
    return breaches.listedPersons(breach.id()).size();
  }

  private int store(Breach breach, List<Entry> entries, String listSource, String user) {
    Map<String, Entry> unique = new LinkedHashMap<>();
    entries.forEach(entry -> unique.merge(entry.tenancyNumber(), entry,
        (a, b) -> b.language() != null ? b : a));
    int added = 0;
    for (Entry entry : unique.values()) {
      if (breaches.listPerson(breach.id(), entry.tenancyNumber(), entry.language(), listSource,
          BreachIntake.reporter(user), clock.instant())) {
        added++;
      }
    }
    breaches.addNote(breach.id(), "PERSONS_LISTED", listSource.length() > 40 ? listSource.substring(0, 40)
        : listSource, added + " nieuw, " + unique.size() + " in de lijst", user, clock.instant());
    return added;
  }

  private List<ApiFieldError> unknownRows(List<Entry> entries, String field) {
    List<ApiFieldError> unknown = new ArrayList<>();
    for (Entry entry : entries) {
      if (contactOf(entry.tenancyNumber()).isEmpty()) {
        unknown.add(new ApiFieldError(field + "[" + entry.row() + "]", "unknown tenancy number"));
      }
    }
    return unknown;
  }

  /** The tenancy contract's fields (name, e-mail, address, preferred language), or empty when unknown. */
  private Optional<Map<String, String>> contactOf(String tenancyNumber) {
    PersonalDataSource tenancy = sources.source(TENANCY_SYSTEM);
    return tenancy.find(SubjectKey.ofTenancy(tenancyNumber)).stream().map(PersonalDataItem::itemId)
        .map(tenancy::export).filter(row -> tenancyNumber.equals(row.get("tenancyNumber"))).findFirst();
  }

  private Breach openBreach(String reference) {
    Breach breach = breaches.findByReference(reference)
        .orElseThrow(() -> new ApiNotFoundException("No data breach " + reference));
    if (breach.closedAt() != null) {
      throw new ApiConflictException("Data breach " + reference + " is closed; its list of persons is final.");
    }
    return breach;
  }
}
