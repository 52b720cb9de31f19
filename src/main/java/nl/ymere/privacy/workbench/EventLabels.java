package nl.ymere.privacy.workbench;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Dutch words for the codes of a request's event log (the timeline of the request page). The log keeps codes, never
 * content (DESIGN principle 2); a code without a word here is shown readable ("ID COPY RECEIVED" → "Id copy
 * received") rather than hidden.
 */
final class EventLabels {

  private static final Map<String, String> EXACT = new LinkedHashMap<>();
  private static final Map<String, String> PREFIXES = new LinkedHashMap<>();

  static {
    EXACT.put("REGISTERED", "Verzoek geregistreerd");
    // issue 20: a CONSENT_WITHDRAWAL request withdrew consents through the consent register
    EXACT.put("CONSENT_WITHDRAWN", "Toestemming ingetrokken");
    EXACT.put("ACKNOWLEDGEMENT_QUEUED", "Ontvangstbevestiging klaargezet");
    EXACT.put("IDENTITY_CHECK_OPENED", "Identiteitscontrole gestart");
    EXACT.put("IDENTITY_NOT_REQUIRED", "Identiteitscontrole niet nodig");
    EXACT.put("IDENTITY_NO_REPLY", "Geen reactie op identiteitsvraag");
    EXACT.put("CHALLENGE_CODE_SENT", "Controlecode verstuurd");
    EXACT.put("ID_COPY_REQUESTED", "Afgeschermde kopie ID gevraagd");
    EXACT.put("ID_COPY_RECEIVED", "Afgeschermde kopie ID ontvangen");
    EXACT.put("ID_COPY_VIEWED", "Kopie ID bekeken");
    EXACT.put("ID_COPY_DELETED", "Kopie ID verwijderd");
    EXACT.put("ID_COPY_PURGED_UNCHECKED", "Ongecontroleerde kopie ID verwijderd");
    EXACT.put("ID_COPY_REMINDER_SENT", "Herinnering kopie ID verstuurd");
    EXACT.put("PAUSE_STARTED", "Termijn opgeschort");
    EXACT.put("PAUSE_ENDED", "Opschorting beëindigd");
    EXACT.put("QUESTION_SENT_NOT_SUSPENDING", "Vraag verstuurd (schort de termijn niet op)");
    EXACT.put("DEADLINE_CHANGED", "Termijn herberekend");
    EXACT.put("DEADLINE_EXTENDED", "Termijn verlengd");
    EXACT.put("EXTENSION_PENDING_APPROVAL", "Verlenging wacht op akkoord");
    EXACT.put("EXTENSION_REJECTED", "Verlenging afgewezen");
    EXACT.put("AUTHORITY_ACCEPTED", "Vertegenwoordiging aangetoond");
    EXACT.put("AUTHORITY_REJECTED", "Vertegenwoordiging niet aangetoond");
    EXACT.put("ACCESS_SEARCH_CONFIRMED", "Zoekvraag inzage bevestigd");
    EXACT.put("ACCESS_ITEMS_COLLECTED", "Gegevens voor inzage verzameld");
    EXACT.put("ACCESS_EXEMPTIONS_APPROVED", "Uitzonderingen goedgekeurd");
    // issue 16 item 2: flagged items of an access review go to their restricted team (screens branch)
    EXACT.put("ACCESS_TEAM_REVIEW_OPENED", "Bijzondere gegevens naar het eigen team");
    EXACT.put("ACCESS_TEAM_REVIEW_COMPLETED", "Bijzondere gegevens beoordeeld door het team");
    EXACT.put("ACCESS_DOSSIER_COMPILED", "Inzagedossier samengesteld");
    EXACT.put("ACCESS_DOSSIER_DOWNLOADED", "Inzagedossier gedownload");
    EXACT.put("ACCESS_DOSSIER_HANDED_OVER", "Inzagedossier overhandigd");
    EXACT.put("ACCESS_DOWNLOAD_LINK_SENT", "Downloadlink verstuurd");
    EXACT.put("ACCESS_DOWNLOAD_LINK_BLOCKED", "Downloadlink geblokkeerd");
    EXACT.put("ACCESS_APPOINTMENT_PLANNED", "Afspraak ingepland");
    EXACT.put("ACCESS_APPOINTMENT_INVITATION_SENT", "Uitnodiging afspraak verstuurd");
    EXACT.put("ANSWER_QUEUED", "Antwoord klaargezet");
    EXACT.put("ANSWER_SENT", "Antwoord verstuurd");
    EXACT.put("ERASURE_LIST_PROPOSED", "Verwijderlijst voorgesteld");
    EXACT.put("ERASURE_LIST_CONFIRMED", "Verwijderlijst bevestigd");
    EXACT.put("ERASURE_EXECUTED", "Gegevens verwijderd");
    EXACT.put("ERASURE_RECIPIENTS_NOTICE_QUEUED", "Ontvangers geïnformeerd over verwijdering");
    EXACT.put("ERASURE_RECIPIENTS_NOT_INFORMED", "Ontvangers niet geïnformeerd (met reden)");
    EXACT.put("FEE_NOTICE_QUEUED", "Vergoedingsbrief klaargezet");
    EXACT.put("UNFOUNDED_REFUSAL_QUEUED", "Weigeringsbrief (kennelijk ongegrond) klaargezet");
    EXACT.put("WITHDRAWAL_CONFIRMATION_QUEUED", "Bevestiging intrekking klaargezet");
    EXACT.put("NOT_PROCESSABLE_LETTER_QUEUED", "Brief 'niet in behandeling' klaargezet");
    EXACT.put("CHILD_REPLY_QUEUED", "Antwoord aan kind klaargezet");
    EXACT.put("OVERDUE", "Termijn verstreken");
    EXACT.put("CLOSED", "Verzoek afgesloten");
    PREFIXES.put("IDENTITY_METHOD_", "Identiteitsmethode gekozen: ");
    PREFIXES.put("IDENTITY_", "Identiteit: ");
    PREFIXES.put("ID_COPY_CHECKED_", "Kopie ID beoordeeld: ");
    PREFIXES.put("CHALLENGE_CODE_", "Controlecode: ");
    PREFIXES.put("ANSWER_DRAFTED_", "Antwoord opgesteld: ");
    PREFIXES.put("REFUSAL_", "Weigering: ");
    PREFIXES.put("UNFOUNDED_PROPOSED_", "Voorstel kennelijk ongegrond of buitensporig: ");
    PREFIXES.put("UNFOUNDED_DECIDED_", "Besluit over voorstel: ");
    PREFIXES.put("FEE_", "Reactie op vergoeding: ");
    PREFIXES.put("ACCESS_DELIVERY_", "Wijze van verstrekken: ");
    PREFIXES.put("ACCESS_ANSWERED_", "Inzage beantwoord: ");
    PREFIXES.put("ERASURE_LETTER_QUEUED_", "Brief verwijdering klaargezet: ");
    PREFIXES.put("REPRESENTATION_DISCOVERED_", "Vertegenwoordiging gebleken: ");
    PREFIXES.put("BALANCING_", "Belangenafweging: ");
  }

  static String of(String code) {
    if (code == null) {
      return "";
    }
    String exact = EXACT.get(code);
    if (exact != null) {
      return exact;
    }
    for (Map.Entry<String, String> prefix : PREFIXES.entrySet()) {
      if (code.startsWith(prefix.getKey())) {
        return prefix.getValue() + readable(code.substring(prefix.getKey().length()));
      }
    }
    return readable(code);
  }

  private static String readable(String code) {
    String words = code.replace('_', ' ').toLowerCase(Locale.ROOT);
    return words.isEmpty() ? words : Character.toUpperCase(words.charAt(0)) + words.substring(1);
  }

  private EventLabels() {
  }
}
