package nl.ymere.privacy.rectification;

import java.util.List;
import nl.ymere.privacy.personaldata.ItemRef;

/**
 * One proposed change as the process, the letter and the task descriptions see it: references, field names and
 * codes, never the new value (that is read only through {@link RectificationRepository#value} under SEC-1).
 */
public record RectificationChange(long id, ItemRef ref, String category, boolean flagged, ChangeKind kind,
    String field, List<String> recipients, String recipientsException, boolean restrictedHere, ChangeStatus status,
    String refusalReason, String decidedBy, boolean restrictionLifted) {

  public RectificationChange {
    recipients = List.copyOf(recipients);
  }

  /** REQ-6: the recipients are told of a carried-out change unless the handler recorded why that is impossible. */
  public boolean recipientsTold() {
    return (status == ChangeStatus.APPLIED || status == ChangeStatus.ATTACHED) && !recipients.isEmpty()
        && recipientsException == null;
  }
}
