package nl.ymere.privacy.workbench;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.ymere.privacy.breach.BreachCodes;
import nl.ymere.privacy.complaint.ComplaintOutcome;
import nl.ymere.privacy.complaint.ComplaintStatus;

/**
 * Dutch words for the codes of a privacy complaint and a data breach on the workbench's lists and case pages (issue
 * 16 item 3): statuses, outcomes, risks, data categories, channels and the steps of their logs. The tables keep
 * codes; staff read words. A code without a word here is shown readable ({@link CaseLabels#readable}), never raw.
 */
public final class RegisterLabels {

  private static final Map<String, String> COMPLAINT_STEPS = new HashMap<>();
  private static final Map<String, String> BREACH_STEPS = new HashMap<>();
  private static final Map<String, String> CATEGORIES = new HashMap<>();
  private static final Map<String, String> CHANNELS = new HashMap<>();
  private static final Map<String, String> LETTERS = new HashMap<>();

  static {
    COMPLAINT_STEPS.put("REGISTERED", "Klacht geregistreerd");
    COMPLAINT_STEPS.put("ACKNOWLEDGED", "Ontvangstbevestiging klaargezet");
    COMPLAINT_STEPS.put("TRIAGED", "Klacht gesorteerd");
    COMPLAINT_STEPS.put("BREACH_REPORTED", "Datalek gemeld");
    COMPLAINT_STEPS.put("BREACH_NO_BREACH", "Beoordeeld: geen datalek");
    COMPLAINT_STEPS.put("BREACH_BREACH_REPORTED", "Beoordeeld: datalek al gemeld");
    COMPLAINT_STEPS.put("INVESTIGATION_NOTE", "Onderzoek vastgelegd");
    COMPLAINT_STEPS.put("ANSWER_DRAFTED", "Antwoord opgesteld");
    COMPLAINT_STEPS.put("ANSWER_APPROVED", "Antwoord goedgekeurd");
    COMPLAINT_STEPS.put("ANSWER_SENT_BACK", "Antwoord teruggestuurd");
    COMPLAINT_STEPS.put("ANSWERED", "Antwoord verstuurd");
    COMPLAINT_STEPS.put("REMINDER_SENT", "Herinnering aan de privacybalie");
    COMPLAINT_STEPS.put("ESCALATED", "Termijn verstreken: privacy officers en FG geïnformeerd");

    BREACH_STEPS.put("AWARENESS_RECORDED", "Moment van bewustwording vastgelegd (FG)");
    BREACH_STEPS.put("RISK_ASSESSED", "Risico beoordeeld");
    BREACH_STEPS.put("FG_ADVICE", "Advies FG");
    BREACH_STEPS.put("RISK_DECIDED", "Besluit over het risico");
    BREACH_STEPS.put("RISK_CONFIRMED", "Besluit bevestigd (vier ogen)");
    BREACH_STEPS.put("RISK_SENT_BACK", "Besluit teruggestuurd");
    BREACH_STEPS.put("ALERT_SENT", "Waarschuwing meldtermijn verstuurd");
    BREACH_STEPS.put("DEADLINE_ESCALATED", "Meldtermijn verstreken: geëscaleerd");
    BREACH_STEPS.put("PERSONS_LISTED", "Betrokkenen op de lijst gezet");
    BREACH_STEPS.put("PERSONS_INFORMED", "Betrokkenen geïnformeerd");
    BREACH_STEPS.put("PERSONS_EXEMPT", "Betrokkenen niet geïnformeerd (uitzondering)");
    BREACH_STEPS.put("PROCESSOR_FOLLOWED_UP", "Verwerker aangesproken");
    BREACH_STEPS.put("CLOSED", "Datalek afgesloten");

    CATEGORIES.put("CONTACT", "contactgegevens");
    CATEGORIES.put("IDENTIFICATION", "identificatiegegevens");
    CATEGORIES.put("FINANCIAL", "financiële gegevens");
    CATEGORIES.put("TENANCY", "huurgegevens");
    CATEGORIES.put("COMMUNICATION", "communicatie");
    CATEGORIES.put("LOCATION", "locatiegegevens");
    CATEGORIES.put("SPECIAL_CATEGORY", "bijzondere persoonsgegevens");
    CATEGORIES.put("CRIMINAL", "strafrechtelijke gegevens");

    CHANNELS.put("WEB_FORM", "webformulier");
    CHANNELS.put("EMAIL", "e-mail");
    CHANNELS.put("LETTER", "brief");
    CHANNELS.put("PHONE", "telefoon");
    CHANNELS.put("DESK", "balie");
    CHANNELS.put("TASKLIST", "Tasklist");
    CHANNELS.put("API", "koppeling (API)");
    CHANNELS.put("PROCESSOR", "verwerker");
    CHANNELS.put("COMPLAINT", "privacyklacht");

    LETTERS.put("complaint-acknowledgement", "Ontvangstbevestiging");
    LETTERS.put("complaint-answer", "Antwoord op de klacht");
    LETTERS.put("complaint-reminder", "Herinnering aan de privacybalie");
    LETTERS.put("complaint-escalation", "Escalatie aan privacy officers en FG");
  }

  public static String of(ComplaintStatus status) {
    if (status == null) {
      return "";
    }
    return switch (status) {
      case REGISTERED -> "geregistreerd";
      case INVESTIGATING -> "in onderzoek";
      case AWAITING_APPROVAL -> "wacht op goedkeuring";
      case ANSWER_APPROVED -> "antwoord goedgekeurd";
      case ANSWERED -> "beantwoord";
    };
  }

  public static String of(ComplaintOutcome outcome) {
    if (outcome == null) {
      return "—";
    }
    return switch (outcome) {
      case UPHELD -> "gegrond";
      case PARTLY_UPHELD -> "deels gegrond";
      case NOT_UPHELD -> "ongegrond";
    };
  }

  /** A breach's status ({@link BreachCodes.Status}). */
  public static String breachStatus(String status) {
    if (status == null) {
      return "";
    }
    return switch (status) {
      case "REGISTERED" -> "gemeld, wacht op FG";
      case "AWARE" -> "in beoordeling";
      case "DECIDED" -> "besloten";
      case "NOTIFIED" -> "gemeld aan de AP";
      case "CLOSED" -> "afgesloten";
      default -> CaseLabels.readable(status);
    };
  }

  /** A risk ({@link BreachCodes.Risk}, BRE-3); a dash for none yet. */
  public static String risk(String risk) {
    if (risk == null) {
      return "—";
    }
    return switch (risk) {
      case "NO_RISK" -> "geen risico";
      case "RISK" -> "risico";
      case "HIGH_RISK" -> "hoog risico";
      default -> CaseLabels.readable(risk);
    };
  }

  /** The confirmed risk (BRE-3), else the model's proposal marked as such, else a dash. */
  public static String breachRisk(nl.ymere.privacy.breach.Breach b) {
    if (b.confirmed()) {
      return risk(b.decidedRisk());
    }
    return b.proposedRisk() == null ? "—" : risk(b.proposedRisk()) + " (voorstel)";
  }

  public static String categories(List<String> codes) {
    if (codes == null || codes.isEmpty()) {
      return "—";
    }
    return String.join(", ", codes.stream().map(c -> CATEGORIES.getOrDefault(c, CaseLabels.readable(c))).toList());
  }

  public static String channel(String code) {
    return code == null ? "" : CHANNELS.getOrDefault(code, CaseLabels.readable(code));
  }

  public static String complaintStep(String type) {
    return type == null ? "" : COMPLAINT_STEPS.getOrDefault(type, CaseLabels.readable(type));
  }

  public static String breachStep(String type) {
    return type == null ? "" : BREACH_STEPS.getOrDefault(type, CaseLabels.readable(type));
  }

  /** A letter's or e-mail's template name in words ("complaint-answer" → "Antwoord op de klacht"). */
  public static String letter(String template) {
    return template == null ? "" : LETTERS.getOrDefault(template, CaseLabels.readable(template.replace('-', '_')));
  }

  private RegisterLabels() {
  }
}
