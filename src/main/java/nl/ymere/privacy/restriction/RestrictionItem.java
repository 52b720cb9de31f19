package nl.ymere.privacy.restriction;

import java.util.List;
import nl.ymere.privacy.personaldata.ItemRef;

/**
 * An item on a restriction request: reference, category and recipients only (no content), whether this request set
 * the block, and where the lift stands (RES-3).
 */
public record RestrictionItem(ItemRef ref, String category, RestrictionGround ground, List<String> recipients,
    String recipientsException, boolean restrictedHere, boolean restricted, boolean liftRequested,
    boolean liftNoticeSent, boolean lifted) {

  public RestrictionItem {
    recipients = List.copyOf(recipients);
  }

  /** REQ-6: the recipients are told unless the handler recorded why that is impossible or disproportionate. */
  public boolean recipientsTold() {
    return !recipients.isEmpty() && recipientsException == null;
  }
}
