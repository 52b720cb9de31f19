package nl.ymere.privacy.processor;

import java.util.Arrays;
import java.util.List;

/**
 * One element of the processor checklist (Art 28(3), PRC-2) or the covenant checklist (PRC-6). The form field
 * {@code <fieldKey>} (checkbox) marks it present, {@code <fieldKey>Clause} gives the clause reference in the contract;
 * present without a clause reference counts as missing.
 */
public enum ChecklistElement {
  SUBJECT_MATTER(List.of(PartyRole.PROCESSOR), "subjectMatter", "onderwerp van de verwerking", "subject matter"),
  DURATION(List.of(PartyRole.PROCESSOR), "duration", "duur", "duration"),
  NATURE(List.of(PartyRole.PROCESSOR), "nature", "aard van de verwerking", "nature of the processing"),
  PURPOSE(List.of(PartyRole.PROCESSOR), "purpose", "doel van de verwerking", "purpose of the processing"),
  DATA_TYPES(List.of(PartyRole.PROCESSOR), "dataTypes", "soorten persoonsgegevens", "types of personal data"),
  SUBJECT_CATEGORIES(List.of(PartyRole.PROCESSOR), "subjectCategories", "categorieën betrokkenen",
      "categories of data subjects"),
  CONTROLLER_RIGHTS(List.of(PartyRole.PROCESSOR), "controllerRights", "rechten en plichten verwerkingsverantwoordelijke",
      "controller's rights and obligations"),
  A_INSTRUCTIONS(List.of(PartyRole.PROCESSOR), "instructions", "(a) alleen op schriftelijke instructie, ook doorgifte",
      "(a) documented instructions only, incl. transfers"),
  B_CONFIDENTIALITY(List.of(PartyRole.PROCESSOR), "confidentiality", "(b) geheimhouding personeel",
      "(b) staff confidentiality"),
  C_SECURITY(List.of(PartyRole.PROCESSOR), "security", "(c) beveiliging (art. 32)", "(c) security (Art 32)"),
  D_SUB_PROCESSING(List.of(PartyRole.PROCESSOR), "subProcessing", "(d) subverwerkers (art. 28(2) en (4))",
      "(d) sub-processors (Art 28(2) and (4))"),
  E_RIGHTS_ASSISTANCE(List.of(PartyRole.PROCESSOR), "rightsAssistance", "(e) hulp bij verzoeken van betrokkenen",
      "(e) assistance with data-subject requests"),
  F_COMPLIANCE_ASSISTANCE(List.of(PartyRole.PROCESSOR), "complianceAssistance", "(f) hulp bij art. 32-36",
      "(f) assistance with Arts 32-36"),
  G_DELETION_OR_RETURN(List.of(PartyRole.PROCESSOR), "deletionOrReturn",
      "(g) wissen of terugbezorgen na afloop, naar keuze van de corporatie",
      "(g) deletion or return at the end, at the corporation's choice"),
  H_AUDITS(List.of(PartyRole.PROCESSOR), "audits", "(h) informatie en audits, melding onrechtmatige instructie",
      "(h) compliance information and audits, warning on unlawful instructions"),
  BREACH_NOTICE(List.of(PartyRole.PROCESSOR), "breachNotice", "melding datalek aan de corporatie binnen de termijn",
      "breach notice to the corporation within the time limit"),
  SECURITY_ANNEX(List.of(PartyRole.PROCESSOR), "securityAnnex", "beveiligingsbijlage", "security annex"),
  COVENANT_PURPOSE(covenantRoles(), "covenantPurpose", "doel", "purpose"),
  COVENANT_DATA_CATEGORIES(covenantRoles(), "covenantDataCategories", "categorieën gegevens", "data categories"),
  COVENANT_LEGAL_BASIS(covenantRoles(), "covenantLegalBasis", "grondslag per partij", "legal basis per party"),
  COVENANT_RETENTION(covenantRoles(), "covenantRetention", "bewaartermijn", "retention"),
  COVENANT_SECURITY(covenantRoles(), "covenantSecurity", "beveiliging", "security"),
  COVENANT_CONTACT_POINTS(covenantRoles(), "covenantContactPoints", "contactpersonen", "contact points"),
  COVENANT_SIGNATURES(covenantRoles(), "covenantSignatures", "handtekeningen van de partijen",
      "signatures of the parties"),
  JOINT_ARRANGEMENT(List.of(PartyRole.JOINT_CONTROLLER), "jointArrangement",
      "regeling gezamenlijke verantwoordelijkheid (art. 26)", "joint-controller arrangement (Art 26)");

  private final List<PartyRole> roles;
  private final String fieldKey;
  private final String labelNl;
  private final String labelEn;

  ChecklistElement(List<PartyRole> roles, String fieldKey, String labelNl, String labelEn) {
    this.roles = roles;
    this.fieldKey = fieldKey;
    this.labelNl = labelNl;
    this.labelEn = labelEn;
  }

  private static List<PartyRole> covenantRoles() {
    return List.of(PartyRole.INDEPENDENT_CONTROLLER, PartyRole.JOINT_CONTROLLER, PartyRole.COVENANT_PARTNER);
  }

  /** The elements a party of this role must have in its contract. */
  public static List<ChecklistElement> requiredFor(PartyRole role) {
    return Arrays.stream(values()).filter(element -> element.roles.contains(role)).toList();
  }

  public String fieldKey() {
    return fieldKey;
  }

  public String clauseFieldKey() {
    return fieldKey + "Clause";
  }

  public String labelNl() {
    return labelNl;
  }

  public String labelEn() {
    return labelEn;
  }
}
