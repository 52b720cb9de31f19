package nl.ymere.privacy.consent;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** A consent as {@code /api/consents} answers it, with its propagation steps. */
@Component
class ConsentViews {

  private final ConsentService consents;

  ConsentViews(ConsentService consents) {
    this.consents = consents;
  }

  Map<String, Object> of(ConsentRecord consent) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("reference", consent.reference());
    view.put("purpose", consent.purposeCode());
    view.put("textVersion", consent.textVersion());
    view.put("channel", consent.channel());
    view.put("givenBy", consent.givenBy());
    view.put("givenByName", consent.givenByName());
    view.put("givenAt", consent.givenAt().toString());
    view.put("status", consent.withdrawn() ? "WITHDRAWN" : "GIVEN");
    view.put("withdrawnAt", consent.withdrawnAt() == null ? null : consent.withdrawnAt().toString());
    view.put("withdrawalChannel", consent.withdrawalChannel());
    view.put("withdrawnBy", consent.withdrawnBy());
    view.put("withdrawnByName", consent.withdrawnByName());
    view.put("requestReference", consent.withdrawalRequestReference());
    view.put("propagationStatus", consent.propagationStatus());
    view.put("erasedItems", consent.erasedItems());
    view.put("keptItems", consent.keptItems());
    List<Map<String, Object>> steps = consents.steps(consent).stream().map(step -> {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("kind", step.targetKind());
      row.put("target", step.targetCode());
      row.put("name", step.targetName());
      row.put("agreementReference", step.agreementReference());
      row.put("dueAt", step.dueAt().toString());
      row.put("confirmedAt", step.confirmedAt() == null ? null : step.confirmedAt().toString());
      row.put("confirmedBy", step.confirmedBy());
      row.put("escalatedAt", step.escalatedAt() == null ? null : step.escalatedAt().toString());
      if (PropagationStep.PROCESSOR.equals(step.targetKind())) {
        row.put("noticeSentAt", step.noticeSentAt() == null ? null : step.noticeSentAt().toString());
        row.put("noticeRefused", step.noticeRefused());
      }
      return row;
    }).toList();
    view.put("propagation", steps);
    return view;
  }
}
