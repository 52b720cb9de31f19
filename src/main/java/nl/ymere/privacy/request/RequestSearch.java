package nl.ymere.privacy.request;

import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Finds requests for the staff's overview (issue 16): by reference or name, right and status. */
@Service
public class RequestSearch {

  /** More rows than a desk can read; the overview says when the list was cut off. */
  public static final int LIMIT = 500;

  private final RequestRepository requests;

  RequestSearch(RequestRepository requests) {
    this.requests = requests;
  }

  /** Open requests (or all) matching the text, right and status; null filters match everything. */
  @Transactional(readOnly = true)
  public List<RequestRecord> find(String text, RequestRight right, RequestStatus status, boolean openOnly) {
    return requests.search(text, right, status, openOnly, LIMIT + 1);
  }
}
