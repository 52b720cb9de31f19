package nl.ymere.privacy.retention;

import java.time.LocalDate;
import java.util.List;
import nl.ymere.privacy.personaldata.RetentionCandidate;

/**
 * RET-5 (issue 17 item 5): a kind of case file (privacy complaints, data breaches, ...) that the retention sweep
 * destroys once its period after closure has ended, like a source's items: one schedule category per kind, the same
 * destruction list, owner review, four-eyes approval and certificate. The capability that owns the file implements
 * this; the sweep removes the file's engine history (its process instances by business key = the file's reference)
 * in the same transaction.
 */
public interface CaseFiles {

  /** The schedule's system name of this kind of file, also the legal-hold system of a hold on one file. */
  String system();

  /** The schedule's category: one per kind of file, named like its system. */
  default String category() {
    return system();
  }

  /**
   * Closed files whose closure lies on or before {@code latestClosure}, in position order after {@code afterPosition},
   * at most {@code limit}; the candidate's item id is the file's reference.
   */
  List<RetentionCandidate> closedOnOrBefore(LocalDate latestClosure, long afterPosition, int limit);

  /** Destroys the file's rows in the owning capability's tables; false when there is no such (closed) file. */
  boolean destroy(String reference);
}
