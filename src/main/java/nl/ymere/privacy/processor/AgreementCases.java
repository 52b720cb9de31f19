package nl.ymere.privacy.processor;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A processor agreement or covenant as the staff who decide on it see it beside their task (issue 16 item 1, DESIGN
 * principle 10): the party, the agreement and its scope, the checklist with each answer and clause reference, who
 * prepared and who approved, and what happened so far, read from {@code privacy.pa_*} at view time. The caller has
 * already found the task with the viewer's own engine authorizations.
 */
@Service
public class AgreementCases {

  public record AgreementCase(String reference, String partyCode, String partyName, String kind, String role,
      String status, String service, String dataSubjects, String processingCountry, String transferZone,
      java.time.LocalDate expiresOn, List<String> purposes, List<String> dataCategories, List<ChecklistAnswer> checklist,
      Integer breachNoticeHours, String subProcessing, Integer sccModule, String tiaReference, String fgAdvice,
      String preparedBy, String approvedBy, List<Step> steps) {
  }

  /** One element of the Art 28(3) or covenant checklist (PRC-2, PRC-6) as answered. */
  public record ChecklistAnswer(String element, String label, boolean present, String clause) {
  }

  /** One earlier step, with who did it. */
  public record Step(Instant at, String type, String by, String detail) {
  }

  private final AgreementRepository agreements;

  AgreementCases(AgreementRepository agreements) {
    this.agreements = agreements;
  }

  @Transactional(readOnly = true)
  public Optional<AgreementCase> find(String reference) {
    return agreements.findByReference(reference).map(this::caseOf);
  }

  private AgreementCase caseOf(AgreementRecord a) {
    List<ChecklistAnswer> checklist = new ArrayList<>();
    for (Map<String, Object> row : agreements.checklist(a.id())) {
      String element = String.valueOf(row.get("element"));
      String label = element;
      try {
        label = ChecklistElement.valueOf(element).labelNl();
      } catch (IllegalArgumentException e) {
        // an element of an earlier version of the checklist: shown by its code
      }
      Object clause = row.get("clause_ref");
      checklist.add(new ChecklistAnswer(element, label, Boolean.TRUE.equals(row.get("present")),
          clause == null ? null : clause.toString()));
    }
    List<Step> steps = agreements.events(a.id()).stream()
        .map(e -> new Step(e.at(), e.type(), e.byUser(), e.detail())).toList();
    return new AgreementCase(a.reference(), a.partyCode(), a.partyName(), a.kind() == null ? null : a.kind().name(),
        a.role() == null ? null : a.role().name(), a.status().name(), a.service(), a.dataSubjects(),
        a.processingCountry(), a.transferZone().name(), a.expiresOn(), List.copyOf(a.purposes()),
        List.copyOf(a.dataCategories()), checklist, a.breachNoticeHours(), a.subProcessing(), a.sccModule(),
        a.tiaReference(), a.fgAdvice(), a.preparedBy(), a.approvedBy(), steps);
  }
}
