package nl.ymere.privacy.access;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * How the access dossier shows a source's fields to a tenant (issue 16 item 5, ACC-1): a Dutch label instead of the
 * field name ({@code tenancyNumber} → "Huurcontractnummer"), local dates and times ("5 maart 2026 om 10:00",
 * Europe/Amsterdam), "ja"/"nee" instead of {@code TRUE}/{@code FALSE}, amounts in euros, and no internal keys (a
 * storage key of a recording is the product's file name, not a personal datum). The machine-readable portability
 * export keeps the field names (POR-*); only the dossier a person reads uses this.
 */
public final class DossierFields {

  private static final Locale DUTCH = Locale.forLanguageTag("nl-NL");
  private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");
  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", DUTCH);
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", DUTCH);

  /** Internal references that say nothing about the person. */
  private static final Set<String> HIDDEN = Set.of("storageKey");
  private static final Set<String> AMOUNTS = Set.of("amount", "monthlyRent");

  static final Map<String, String> LABELS = Map.ofEntries(
      Map.entry("aboutTenancyNumber", "Over huurcontract"),
      Map.entry("adaptation", "Aanpassing"),
      Map.entry("address", "Adres"),
      Map.entry("amount", "Bedrag"),
      Map.entry("applicantName", "Naam aanvrager"),
      Map.entry("assessedOn", "Beoordeeld op"),
      Map.entry("author", "Geschreven door"),
      Map.entry("basedOn", "Gebaseerd op"),
      Map.entry("cameraReference", "Camera"),
      Map.entry("channel", "Kanaal"),
      Map.entry("closedOn", "Afgesloten op"),
      Map.entry("completedOn", "Afgerond op"),
      Map.entry("consentGivenAt", "Toestemming gegeven op"),
      Map.entry("consentGivenOn", "Toestemming gegeven op"),
      Map.entry("consentTextVersion", "Versie van de toestemmingstekst"),
      Map.entry("contact", "Contact"),
      Map.entry("contactName", "Naam contactpersoon"),
      Map.entry("contactPhone", "Telefoonnummer contactpersoon"),
      Map.entry("contactedOn", "Contact op"),
      Map.entry("content", "Inhoud"),
      Map.entry("contractor", "Aannemer"),
      Map.entry("dateOfBirth", "Geboortedatum"),
      Map.entry("describedAs", "Omschreven als"),
      Map.entry("description", "Omschrijving"),
      Map.entry("email", "E-mailadres"),
      Map.entry("endDate", "Einddatum"),
      Map.entry("incidentReference", "Kenmerk van het incident"),
      Map.entry("keepUntil", "Bewaard tot"),
      Map.entry("kind", "Soort"),
      Map.entry("medicalIndication", "Medische indicatie"),
      Map.entry("modelVersion", "Versie van het model"),
      Map.entry("monthlyRent", "Huur per maand"),
      Map.entry("name", "Naam"),
      Map.entry("note", "Notitie"),
      Map.entry("optedIn", "Aangemeld"),
      Map.entry("paidOn", "Betaald op"),
      Map.entry("payerIban", "Rekeningnummer (IBAN)"),
      Map.entry("paymentReference", "Betalingskenmerk"),
      Map.entry("phone", "Telefoonnummer"),
      Map.entry("recordedFrom", "Opgenomen vanaf"),
      Map.entry("recordedUntil", "Opgenomen tot"),
      Map.entry("reportedBy", "Gemeld door"),
      Map.entry("reportedOn", "Gemeld op"),
      Map.entry("reporterName", "Naam melder"),
      Map.entry("requestedOn", "Aangevraagd op"),
      Map.entry("riskClass", "Risicoklasse"),
      Map.entry("sharedWith", "Gedeeld met"),
      Map.entry("startDate", "Ingangsdatum"),
      Map.entry("summary", "Samenvatting"),
      Map.entry("tenancyNumber", "Huurcontractnummer"),
      Map.entry("topic", "Onderwerp"),
      Map.entry("withdrawnAt", "Ingetrokken op"),
      Map.entry("wmoReference", "Wmo-kenmerk"),
      Map.entry("writtenOn", "Geschreven op"));

  /** Codes the sources store, in words (a code the tenant cannot read is no answer, ACC-1). */
  static final Map<String, String> CODES = Map.ofEntries(
      Map.entry("PHONE", "telefoon"),
      Map.entry("EMAIL", "e-mail"),
      Map.entry("LETTER", "brief"),
      Map.entry("VISIT", "bezoek"),
      Map.entry("WEBFORM", "webformulier"),
      Map.entry("QUESTION", "vraag"),
      Map.entry("COMPLAINT", "klacht"),
      Map.entry("NEWSLETTER", "nieuwsbrief"),
      Map.entry("RESIDENT_SURVEY", "bewonersonderzoek"),
      Map.entry("WITNESS_STATEMENT", "getuigenverklaring"),
      Map.entry("POLICE_REPORT", "melding van de politie"),
      Map.entry("NEIGHBOUR_REPORT", "melding van een buurtbewoner"),
      Map.entry("LAAG", "laag"),
      Map.entry("MIDDEN", "midden"),
      Map.entry("HOOG", "hoog"));

  private DossierFields() {
  }

  /** The fields as the dossier shows them: label → value, in the source's order, internal keys left out. */
  static Map<String, String> shown(Map<String, String> fields) {
    Map<String, String> shown = new LinkedHashMap<>();
    fields.forEach((name, value) -> {
      if (!HIDDEN.contains(name)) {
        shown.put(label(name), value(name, value));
      }
    });
    return shown;
  }

  /**
   * The Dutch labels of every field name on a review page (issue 16: staff read "Huurcontractnummer", not
   * {@code tenancyNumber}): the fields of each readable item and the fields chosen for redaction. The form still posts
   * the field name; only what is shown is translated.
   */
  static Map<String, String> labelsOf(java.util.List<AccessReviewView.Item> items) {
    Map<String, String> labels = new java.util.HashMap<>();
    for (AccessReviewView.Item item : items) {
      if (item.fields() != null) {
        item.fields().keySet().forEach(name -> labels.put(name, label(name)));
      }
      if (item.redactFields() != null) {
        item.redactFields().forEach(name -> labels.put(name, label(name)));
      }
    }
    return labels;
  }

  /** The Dutch label; a field without one (a source added later) reads as words, never as a camel-case name. */
  public static String label(String name) {
    String label = LABELS.get(name);
    if (label != null) {
      return label;
    }
    String words = name.replaceAll("([a-z0-9])([A-Z])", "$1 $2").toLowerCase(DUTCH);
    return Character.toUpperCase(words.charAt(0)) + words.substring(1);
  }

  static String value(String name, String value) {
    if (value == null) {
      return "";
    }
    if (value.equalsIgnoreCase("true")) {
      return "ja";
    }
    if (value.equalsIgnoreCase("false")) {
      return "nee";
    }
    if (CODES.containsKey(value)) {
      return CODES.get(value);
    }
    if (AMOUNTS.contains(name)) {
      try {
        NumberFormat amount = NumberFormat.getNumberInstance(DUTCH);
        amount.setMinimumFractionDigits(2);
        amount.setMaximumFractionDigits(2);
        // a plain space: the PDF's standard font has no narrow no-break space
        return "€ " + amount.format(new BigDecimal(value));
      } catch (NumberFormatException notAnAmount) {
        return value;
      }
    }
    if (value.matches("\\d{4}-\\d{2}-\\d{2}")) {
      try {
        return DATE.format(LocalDate.parse(value));
      } catch (DateTimeParseException notADate) {
        return value;
      }
    }
    if (value.matches("\\d{4}-\\d{2}-\\d{2}T[0-9:.]+Z")) {
      try {
        var at = Instant.parse(value).atZone(AMSTERDAM);
        return DATE.format(at) + " om " + TIME.format(at);
      } catch (DateTimeParseException notAnInstant) {
        return value;
      }
    }
    return value;
  }
}
