package nl.ymere.privacy.processor;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Whether an agreement's approval rests on what the processor tables record (PRC-1, PRC-2, PRC-4, PRC-6; DESIGN
 * principle 9, issue 14): a role, a complete checklist (every required element present with its clause reference)
 * completed by a recorded preparer, for a transfer outside the EEA without adequacy its SCC module, TIA, FG advice and
 * management approval, and an approver who is not the preparer. A process variable such as {@code agreementPreparer}
 * or {@code agreementApprover} counts for nothing here, so neither an operator's modification that skips the
 * checklist nor an edited variable gets an agreement approved, and the sharing gate refuses under an agreement whose
 * approval is incomplete ({@link SharingDecision.Reason#APPROVAL_INCOMPLETE}).
 */
@Component
class AgreementApproval {

  private final AgreementRepository agreements;

  AgreementApproval(AgreementRepository agreements) {
    this.agreements = agreements;
  }

  /** What is missing before {@code approver} may approve (Dutch, no personal data); empty when nothing is. */
  List<String> missingBeforeApproval(AgreementRecord agreement, String approver) {
    List<String> missing = new ArrayList<>();
    if (agreement.role() == null || agreement.kind() == null) {
      missing.add("de rol van de partij is niet bepaald");
      return missing;
    }
    Set<ChecklistElement> present = agreements.presentElements(agreement.id());
    List<String> absent = ChecklistElement.requiredFor(agreement.role()).stream()
        .filter(element -> !present.contains(element)).map(Enum::name).toList();
    if (!absent.isEmpty()) {
      missing.add("de checklist is niet compleet (ontbreekt: " + String.join(", ", absent) + ")");
    }
    if (agreement.preparedBy() == null || agreement.preparedBy().isBlank()) {
      missing.add("er is geen opsteller van de checklist vastgelegd");
    }
    if (agreement.transferZone() == TransferZone.THIRD_COUNTRY
        && (agreement.sccModule() == null || agreement.tiaReference() == null || agreement.fgAdvice() == null
            || agreements.managementApprovedBy(agreement.id()) == null)) {
      missing.add("de doorgifte buiten de EER mist SCC-module, TIA, FG-advies of goedkeuring van de directie");
    }
    if (approver == null) {
      missing.add("er is geen goedkeurder vastgelegd");
    } else if (approver.equals(agreement.preparedBy())) {
      missing.add("vier ogen: " + approver + " stelde de checklist op en mag niet zelf goedkeuren");
    }
    return missing;
  }

  /** An agreement in force whose recorded approval is complete, with its recorded approver. */
  boolean isComplete(AgreementRecord agreement) {
    return missingBeforeApproval(agreement, agreement.approvedBy()).isEmpty();
  }
}
