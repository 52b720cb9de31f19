package nl.ymere.privacy.rectification;

import java.util.List;
import java.util.Set;

/**
 * The rectification page of a request ({@code GET /api/requests/{reference}/rectification}): the person's items with
 * their correctable fields, and the recorded changes. A change's value is shown only to who may read the item
 * (SEC-1, logged); otherwise {@code value} is null and {@code valueHidden} true.
 */
record RectificationView(String reference, boolean recordingOpen, boolean applyingOpen, List<Item> items,
    List<Change> changes) {

  record Item(String system, String itemId, String category, boolean flagged, boolean restricted,
      Set<String> correctableFields, List<String> recipients) {
  }

  record Change(long id, String system, String itemId, String category, ChangeKind kind, String field, String value,
      boolean valueHidden, ChangeStatus status, String refusalReason, boolean restrictedWhileChecking,
      List<String> recipients, String recipientsNotInformedReason) {
  }
}
