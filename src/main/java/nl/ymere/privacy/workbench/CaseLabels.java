package nl.ymere.privacy.workbench;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Dutch words for the codes that a task's case panel shows for a camera protocol, a processor agreement or covenant
 * and a fraud signal (issue 16 item 2): statuses, choices on the forms (the same words as the forms' options),
 * advice, DPIA outcomes and reasons, and the steps of the case log. The tables keep codes; staff read words. A code
 * without a word here is shown readable ("SOME_NEW_CODE" → "Some new code") rather than raw.
 */
public final class CaseLabels {

  private static final Map<String, String> WORDS = new HashMap<>();
  private static final Map<String, String> STEPS = new HashMap<>();
  /** Step codes made of a prefix and a code ({@code FG_ADVICE_POSITIVE}): the prefix's words, then the code's. */
  private static final Map<String, String> STEP_PREFIXES = new java.util.LinkedHashMap<>();
  private static final Map<String, String> DPIA_REASONS = new HashMap<>();

  static {
    // camera protocol (CameraCodes): status, location, purpose, DPIA, advice, answers
    WORDS.put("REQUESTED", "aangevraagd");
    WORDS.put("REFUSED", "geweigerd");
    WORDS.put("ACTIVE", "actief");
    WORDS.put("EXPIRED", "verlopen");
    WORDS.put("REMOVED", "verwijderd");
    WORDS.put("OFFICE", "kantoor");
    WORDS.put("COMPLEX", "wooncomplex");
    WORDS.put("ENTRANCE", "entree");
    WORDS.put("HALL", "hal");
    WORDS.put("STORAGE", "bergingen");
    WORDS.put("PARKING", "parkeergarage");
    WORDS.put("OUTDOOR", "buitenterrein");
    WORDS.put("PROTECT_TENANTS", "bescherming huurders");
    WORDS.put("PROTECT_STAFF", "bescherming medewerkers");
    WORDS.put("PROTECT_VISITORS", "bescherming bezoekers");
    WORDS.put("PROTECT_PROPERTY", "bescherming eigendom");
    WORDS.put("NOT_REQUIRED", "Geen DPIA nodig");
    WORDS.put("REQUIRED", "DPIA verplicht");
    WORDS.put("FG_DECIDES", "Twijfel (één criterium): privacy officer beslist, FG geïnformeerd");
    WORDS.put("POSITIVE", "Positief");
    WORDS.put("POSITIVE_WITH_CONDITIONS", "Positief onder voorwaarden");
    WORDS.put("NEGATIVE", "Negatief");
    WORDS.put("LOW", "laag");
    WORDS.put("MEDIUM", "midden");
    WORDS.put("HIGH", "hoog");
    WORDS.put("PROCEED", "mag doorgaan");
    WORDS.put("PROCEED_WITH_MEASURES", "mag doorgaan met maatregelen");
    WORDS.put("DO_NOT_PROCEED", "niet doorgaan");
    WORDS.put("CONTINUE", "voortzetten");
    WORDS.put("ADJUST", "aanpassen");
    WORDS.put("REMOVE", "verwijderen");
    WORDS.put("APPROVED", "goedgekeurd");
    WORDS.put("ACCEPTED", "akkoord");
    WORDS.put("SENT_BACK", "teruggestuurd");
    WORDS.put("DPIA", "DPIA nodig");
    WORDS.put("NO_DPIA", "geen DPIA nodig");
    WORDS.put("BALANCING_FAILED", "belang niet aangetoond");
    WORDS.put("SUPERVISOR_OBJECTED", "AP maakt bezwaar");
    WORDS.put("COVERT_NOT_APPROVED", "heimelijke camera niet goedgekeurd");
    WORDS.put("NOT_APPROVED", "niet goedgekeurd door management");
    // processor agreements and covenants (AgreementStatus, PartyRole, TransferZone, checklist answers)
    WORDS.put("DRAFT", "concept");
    WORDS.put("TERMINATED", "beëindigd");
    WORDS.put("PROCESSOR", "verwerker");
    WORDS.put("INDEPENDENT_CONTROLLER", "zelfstandig verwerkingsverantwoordelijke");
    WORDS.put("JOINT_CONTROLLER", "gezamenlijk verwerkingsverantwoordelijke");
    WORDS.put("COVENANT_PARTNER", "convenantpartner");
    WORDS.put("PROCESSOR_AGREEMENT", "verwerkersovereenkomst");
    WORDS.put("COVENANT", "convenant");
    WORDS.put("EEA", "EER");
    WORDS.put("ADEQUATE", "land met adequaatheidsbesluit");
    WORDS.put("THIRD_COUNTRY", "derde land");
    WORDS.put("SPECIFIC", "specifieke voorafgaande toestemming");
    WORDS.put("GENERAL_WITH_OBJECTION", "algemene toestemming met recht van bezwaar");
    WORDS.put("RETURN", "teruggeven");
    WORDS.put("DELETE", "wissen");
    // fraud signals (SignalSource, SignalStatus, assessment steps and choices)
    WORDS.put("NEIGHBOUR_REPORT", "melding van een buurtbewoner");
    WORDS.put("MUNICIPALITY_REGISTRATION_MISMATCH", "verschil met gemeentelijke inschrijving (BRP)");
    WORDS.put("UTILITY_USAGE", "energie- of waterverbruik");
    WORDS.put("SUBLETTING_ADVERTISEMENT", "advertentie voor onderhuur");
    WORDS.put("INTERNAL_OBSERVATION", "eigen waarneming van een medewerker");
    WORDS.put("ASSESSING", "in beoordeling");
    WORDS.put("INVESTIGATION_OPENED", "onderzoek geopend");
    WORDS.put("DISMISSED", "afgewezen");
    WORDS.put("DATA_DELETED", "gegevens verwijderd");
    WORDS.put("FIRST", "eerste beoordeling");
    WORDS.put("SECOND", "tweede beoordeling (vier ogen)");
    WORDS.put("INVESTIGATE", "onderzoek openen");
    WORDS.put("DISMISS", "signaal afwijzen");

    // the FG's advice on an AP inquiry's answer (ApInquiryService.FG_ADVICE, CMP-4), as the advice form words it
    WORDS.put("AGREE", "eens");
    WORDS.put("AGREE_WITH_REMARKS", "eens met opmerkingen");
    WORDS.put("DISAGREE", "oneens");

    // steps of a case log (notes and events)
    STEPS.put("REQUESTED", "Camera aangevraagd");
    STEPS.put("BALANCING", "Belangenafweging");
    STEPS.put("BALANCING_PASSED", "Belang aangetoond");
    STEPS.put("BALANCING_FAILED", "Belang niet aangetoond");
    STEPS.put("FG_ADVICE", "FG-advies over de afweging");
    STEPS.put("FG_DPIA_ADVICE", "FG-advies over de DPIA");
    STEPS.put("DPIA_SCREENING_RECORDED", "DPIA-screening ingevuld");
    STEPS.put("DPIA_NEED_DECISION", "Besluit DPIA nodig");
    STEPS.put("DPIA_NEEDED_DECIDED", "Besloten: DPIA nodig");
    STEPS.put("NO_DPIA_DECIDED", "Besloten: geen DPIA nodig");
    STEPS.put("DPIA_WRITTEN", "DPIA opgesteld");
    STEPS.put("DPIA_REVIEW", "DPIA beoordeeld");
    STEPS.put("DPIA_ACCEPTED", "DPIA akkoord");
    STEPS.put("DPIA_SENT_BACK", "DPIA teruggestuurd");
    STEPS.put("PRIOR_CONSULTATION_REQUESTED", "Voorafgaande raadpleging AP gevraagd (art. 36)");
    STEPS.put("SUPERVISOR_ANSWER", "Antwoord AP");
    STEPS.put("COVERT_APPROVAL", "Heimelijke camera beoordeeld");
    STEPS.put("COVERT_APPROVED", "Heimelijke camera goedgekeurd");
    STEPS.put("COVERT_REFUSED", "Heimelijke camera geweigerd");
    STEPS.put("APPROVAL", "Besluit management");
    STEPS.put("APPROVED", "Goedgekeurd");
    STEPS.put("NOT_APPROVED", "Niet goedgekeurd");
    STEPS.put("SIGNAGE_CONFIRMED", "Borden geplaatst");
    STEPS.put("RESIDENTS_INFORMED", "Bewonersbrief verstuurd");
    STEPS.put("ACTIVATED", "Camera actief, opgenomen in register");
    STEPS.put("REEVALUATION", "Herbeoordeling");
    STEPS.put("REEVALUATION_ESCALATED", "Herbeoordeling geëscaleerd");
    STEPS.put("EXPIRED", "Protocol verlopen");
    STEPS.put("REMOVED", "Camera verwijderd");
    STEPS.put("SWITCH_OFF", "Camera uitgeschakeld");
    STEPS.put("SWITCHED_OFF", "Camera uitgeschakeld");
    STEPS.put("FOOTAGE_REQUESTED", "Beelden opgevraagd");
    STEPS.put("FOOTAGE_EXPORTED", "Beelden geëxporteerd");
    STEPS.put("INCIDENT_HOLD_PLACED", "Beelden bewaard wegens incident");
    STEPS.put("REGISTERED", "Geregistreerd");
    STEPS.put("REGISTERED_IN_FORCE", "Geregistreerd (al van kracht)");
    STEPS.put("CHECKLIST_COMPLETE", "Checklist volledig");
    STEPS.put("CHECKLIST_INCOMPLETE", "Checklist onvolledig");
    STEPS.put("SENT_BACK", "Teruggestuurd");
    STEPS.put("APPROVAL_SENT_BACK", "Goedkeuring teruggestuurd");
    STEPS.put("REFUSED_TRANSFER", "Doorgifte geweigerd");
    STEPS.put("REVIEW_DUE", "Periodieke herbeoordeling");
    STEPS.put("EXPIRY_REMINDER", "Herinnering einddatum");
    STEPS.put("TRANSFER_APPROVED_BY_MANAGEMENT", "Doorgifte goedgekeurd door management");
    STEPS.put("TRANSFER_REFUSED_BY_MANAGEMENT", "Doorgifte geweigerd door management");
    STEPS.put("TRANSFER_SAFEGUARDS_DOCUMENTED", "Waarborgen doorgifte vastgelegd");
    STEPS.put("TRANSFER_SAFEGUARDS_MISSING", "Waarborgen doorgifte ontbreken");
    STEP_PREFIXES.put("FG_DPIA_ADVICE_", "FG-advies over de DPIA");
    STEP_PREFIXES.put("FG_ADVICE_", "FG-advies");
    STEP_PREFIXES.put("DPIA_SCREENED_", "DPIA-screening");
    STEP_PREFIXES.put("SUPERVISOR_ANSWER_", "Antwoord AP");
    STEP_PREFIXES.put("REEVALUATED_", "Herbeoordeeld");
    STEP_PREFIXES.put("REFUSED_", "Geweigerd");
    STEP_PREFIXES.put("ROLE_", "Rol bepaald");
    STEP_PREFIXES.put("REVIEWED_", "Herbeoordeeld");
    STEP_PREFIXES.put("TERMINATED_", "Beëindigd");
    STEP_PREFIXES.put("DATA_", "Gegevens");

    // the DPIA screening's matched reasons (KIND:CODE, CAM-2), in the screening form's words
    ap("COVERT_INVESTIGATION", "Heimelijk onderzoek");
    ap("BLACKLISTS", "Zwarte lijsten");
    ap("FRAUD_PREVENTION", "Fraudebestrijding");
    ap("CREDIT_SCORES", "Creditscores");
    ap("FINANCIAL_SITUATION", "Financiële situatie");
    ap("GENETIC_DATA", "Genetische gegevens");
    ap("HEALTH_DATA", "Gezondheidsgegevens");
    ap("PARTNERSHIPS", "Samenwerkingsverbanden");
    ap("LARGE_SCALE_CAMERA_SURVEILLANCE", "Cameratoezicht op grote schaal / stelselmatig");
    ap("FLEXIBLE_CAMERA_SURVEILLANCE", "Flexibel cameratoezicht");
    ap("EMPLOYEE_MONITORING", "Controle werknemers");
    ap("LOCATION_DATA", "Locatiegegevens");
    ap("COMMUNICATION_DATA", "Communicatiegegevens");
    ap("INTERNET_OF_THINGS", "Internet of things");
    ap("PROFILING", "Profilering");
    ap("OBSERVING_INFLUENCING_BEHAVIOUR", "Observatie en beïnvloeding van gedrag");
    ap("BIOMETRICS", "Biometrische gegevens");
    wp("EVALUATION_SCORING", "Evaluatie of scoretoekenning");
    wp("AUTOMATED_DECISION", "Geautomatiseerde besluitvorming met rechtsgevolg");
    wp("SYSTEMATIC_MONITORING", "Stelselmatige monitoring");
    wp("SENSITIVE_DATA", "Gevoelige gegevens");
    wp("LARGE_SCALE", "Grootschalige verwerking");
    wp("MATCHING_DATASETS", "Koppelen van datasets");
    wp("VULNERABLE_SUBJECTS", "Kwetsbare betrokkenen");
    wp("INNOVATIVE_TECHNOLOGY", "Innovatieve technologie");
    wp("PREVENTS_EXERCISING_RIGHT", "Blokkering van een recht, dienst of overeenkomst");
    DPIA_REASONS.put("ART35_3:ART35_3", "Geval van art. 35 lid 3 AVG");
  }

  private static void ap(String code, String words) {
    DPIA_REASONS.put("AP_CATEGORY:" + code, "AP-lijst: " + words);
  }

  private static void wp(String code, String words) {
    DPIA_REASONS.put("WP248:" + code, "WP248: " + words);
  }

  /** The Dutch word for a code (status, choice, advice, outcome); empty for none. */
  public static String of(String code) {
    if (code == null || code.isBlank()) {
      return "";
    }
    String words = WORDS.get(code);
    return words != null ? words : readable(code);
  }

  /** The codes' words, joined by commas; a dash for none. */
  public static String ofAll(List<String> codes) {
    if (codes == null || codes.isEmpty()) {
      return "—";
    }
    return String.join(", ", codes.stream().map(CaseLabels::of).toList());
  }

  /** The Dutch words for one step of a case log: a note's or an event's type. */
  public static String step(String type) {
    if (type == null || type.isBlank()) {
      return "";
    }
    String words = STEPS.get(type);
    if (words != null) {
      return words;
    }
    for (Map.Entry<String, String> prefix : STEP_PREFIXES.entrySet()) {
      if (type.startsWith(prefix.getKey()) && type.length() > prefix.getKey().length()) {
        return prefix.getValue() + ": " + lowerFirst(of(type.substring(prefix.getKey().length())));
      }
    }
    return readable(type);
  }

  /**
   * The Dutch words for a note's code: the balancing note's flags (N necessity, S subsidiarity, O the interest
   * outweighs, "-" not shown; CAM-1), otherwise the code's word.
   */
  public static String noteCode(String type, String code) {
    if (code == null || code.isBlank()) {
      return "";
    }
    if ("BALANCING".equals(type) && code.length() == 3) {
      List<String> parts = new java.util.ArrayList<>();
      parts.add(code.charAt(0) == 'N' ? "noodzaak aangetoond" : "noodzaak niet aangetoond");
      parts.add(code.charAt(1) == 'S' ? "subsidiariteit aangetoond" : "subsidiariteit niet aangetoond");
      parts.add(code.charAt(2) == 'O' ? "belang weegt zwaarder" : "belang weegt niet zwaarder");
      return String.join(", ", parts);
    }
    return of(code);
  }

  /** The Dutch words for a DPIA screening's matched reason ({@code AP_CATEGORY:BIOMETRICS}). */
  public static String dpiaReason(String reason) {
    String words = reason == null ? null : DPIA_REASONS.get(reason);
    return words != null ? words : readable(reason);
  }

  /** The matched reasons' words, joined by semicolons; a dash for none. */
  public static String dpiaReasons(List<String> reasons) {
    if (reasons == null || reasons.isEmpty()) {
      return "—";
    }
    return String.join("; ", reasons.stream().map(CaseLabels::dpiaReason).toList());
  }

  /** "Geen DPIA nodig" → "geen DPIA nodig", an acronym ("DPIA verplicht") stays as it is. */
  private static String lowerFirst(String words) {
    if (words.length() > 1 && Character.isUpperCase(words.charAt(1))) {
      return words;
    }
    return words.isEmpty() ? words : Character.toLowerCase(words.charAt(0)) + words.substring(1);
  }

  /** "SOME_NEW_CODE" → "Some new code": never a raw code on a staff page. */
  static String readable(String code) {
    if (code == null || code.isBlank()) {
      return "";
    }
    String words = code.replace(':', ' ').replace('_', ' ').strip().toLowerCase(Locale.ROOT);
    return Character.toUpperCase(words.charAt(0)) + words.substring(1);
  }

  private CaseLabels() {
  }
}
