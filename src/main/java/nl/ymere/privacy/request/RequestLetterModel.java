package nl.ymere.privacy.request;

import java.time.LocalDate;

/** What letter templates may show of a request (LET-1): reference, right, dates, outcome, addressee. */
public record RequestLetterModel(String reference, String right, String rightNl, String channel,
    LocalDate receivedOn, LocalDate dueDate, LocalDate extendedDueDate, LocalDate effectiveDueDate, String outcome,
    String addresseeName, boolean representative, boolean erasure, boolean rectification) {

  static RequestLetterModel of(RequestRecord r) {
    return new RequestLetterModel(r.reference(), r.right().name(), r.right().dutchName(), r.channel().name(),
        r.receivedOn(), r.dueDate(), r.extendedDueDate(), r.effectiveDueDate(),
        r.outcome() == null ? null : r.outcome().name(), r.requesterName(),
        r.representation() != Representation.SELF, r.right() == RequestRight.ERASURE,
        r.right() == RequestRight.RECTIFICATION);
  }
}
