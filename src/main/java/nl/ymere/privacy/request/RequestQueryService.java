package nl.ymere.privacy.request;

import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads a request with its events, pauses, extension and documents for the API. */
@Service
public class RequestQueryService {

  private final RequestRepository requests;
  private final RequestDeadlineService deadlines;

  RequestQueryService(RequestRepository requests, RequestDeadlineService deadlines) {
    this.requests = requests;
    this.deadlines = deadlines;
  }

  @Transactional(readOnly = true)
  public Optional<RequestView> find(String reference) {
    return requests.findByReference(reference).map(this::view);
  }

  boolean isOverdue(RequestRecord request) {
    return deadlines.isOverdue(request);
  }

  RequestView view(RequestRecord r) {
    RequestView.Extension extension = requests.extension(r.id())
        .map(e -> new RequestView.Extension(ExtensionReason.valueOf(e.reason()), e.justification(), e.noticeSentOn()))
        .orElse(null);
    return new RequestView(r.reference(), r.right(), r.objectionScope(), r.status(), deadlines.isOverdue(r),
        r.receivedOn(), r.dueDate(), r.extendedDueDate(), r.processInstanceId(), extension,
        requests.pauses(r.id()).stream().map(p -> new RequestView.PauseView(p.from(), p.until(), p.reason())).toList(),
        r.identityStatus(), r.outcome(),
        requests.events(r.id()).stream().map(e -> new RequestView.EventView(e.at(), e.type(), e.by(), e.detail())).toList(),
        requests.documents(r.id()).stream().map(d -> new RequestView.DocumentView(d.type(), d.templateVersion(),
            d.createdAt(), "/api/requests/" + r.reference() + "/" + (d.path() != null ? d.path()
                : "documents/" + d.id()))).toList());
  }
}
