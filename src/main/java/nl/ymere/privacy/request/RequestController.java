package nl.ymere.privacy.request;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import nl.ymere.privacy.mail.OutboxMessage;
import nl.ymere.privacy.mail.OutboxService;
import nl.ymere.privacy.web.ApiNotFoundException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/requests}: register a request, read it, extend its deadline (DESIGN.md "The product API").
 * Only privacy-desk and privacy-officers reach it (SecurityConfiguration).
 */
@RestController
@RequestMapping("/api/requests")
class RequestController {

  private final RequestRegistrationService registration;
  private final RequestQueryService queries;
  private final ExtensionService extensions;
  private final RequestRepository requests;
  private final OutboxService outbox;
  private final IdempotentRegistrations idempotentRegistrations;

  RequestController(RequestRegistrationService registration, RequestQueryService queries,
      ExtensionService extensions, RequestRepository requests, OutboxService outbox,
      IdempotentRegistrations idempotentRegistrations) {
    this.idempotentRegistrations = idempotentRegistrations;
    this.registration = registration;
    this.queries = queries;
    this.extensions = extensions;
    this.requests = requests;
    this.outbox = outbox;
  }

  /**
   * Registers a request. With an {@code Idempotency-Key} header the same key and body answer the first answer again
   * and another body under the key is refused with 409 (issue 15 item 3, {@link IdempotentRegistrations}).
   */
  @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<Map<String, Object>> register(@RequestBody RegisterRequestCommand command,
      @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
      Authentication authentication) {
    IdempotentRegistrations.Answer answer = idempotencyKey == null ? registered(command, authentication)
        : idempotentRegistrations.once(authentication.getName(), idempotencyKey, command,
            () -> registered(command, authentication));
    return ResponseEntity.status(answer.status()).location(URI.create(answer.location())).body(answer.body());
  }

  private IdempotentRegistrations.Answer registered(RegisterRequestCommand command, Authentication authentication) {
    RequestRecord request = registration.register(command, authentication.getName());
    return new IdempotentRegistrations.Answer(201, "/api/requests/" + request.reference(), summary(request));
  }

  @GetMapping("/{reference}")
  RequestView get(@PathVariable String reference) {
    return queries.find(reference).orElseThrow(() -> notFound(reference));
  }

  record ExtensionBody(ExtensionReason reason, String justification) {
  }

  @PostMapping(path = "/{reference}/extension", consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<Map<String, Object>> extend(@PathVariable String reference, @RequestBody ExtensionBody body,
      Authentication authentication) {
    if (requests.findByReference(reference).isEmpty()) {
      throw notFound(reference);
    }
    ExtensionService.ExtensionResult result = extensions.extend(reference, body.reason(), body.justification(),
        authentication.getName(), false);
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("reference", result.reference());
    answer.put("extendedDueDate", result.extendedDueDate());
    answer.put("status", result.status());
    return result.status() == ExtensionService.ExtensionStatus.PENDING_APPROVAL
        ? ResponseEntity.accepted().body(answer) : ResponseEntity.ok(answer);
  }

  record ExtensionDecisionBody(Boolean approved) {
  }

  /** A privacy officer approves or rejects a pending extension ({@code privacy.extension.approval-required}). */
  @PostMapping(path = "/{reference}/extension/decision", consumes = MediaType.APPLICATION_JSON_VALUE)
  Map<String, Object> decideExtension(@PathVariable String reference, @RequestBody ExtensionDecisionBody body,
      Authentication authentication) {
    if (requests.findByReference(reference).isEmpty()) {
      throw notFound(reference);
    }
    if (body.approved() == null) {
      throw new nl.ymere.privacy.web.ApiValidationException("approved", "is required (true or false)");
    }
    boolean officer = authentication.getAuthorities().stream().anyMatch(a -> a.getAuthority()
        .equals(nl.ymere.privacy.security.Groups.authority(nl.ymere.privacy.security.Groups.PRIVACY_OFFICERS)));
    if (!officer) {
      throw new org.springframework.security.access.AccessDeniedException("Only privacy officers decide extensions");
    }
    ExtensionService.ExtensionResult result = extensions.decide(reference, body.approved(), authentication.getName());
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("reference", result.reference());
    answer.put("extendedDueDate", result.extendedDueDate());
    answer.put("status", result.status());
    return answer;
  }

  /** A letter or e-mail of the request as it was queued (LET-1: every letter is a record). */
  @GetMapping(path = "/{reference}/documents/{id}", produces = MediaType.TEXT_HTML_VALUE)
  String document(@PathVariable String reference, @PathVariable long id) {
    RequestRecord request = requests.findByReference(reference).orElseThrow(() -> notFound(reference));
    return requests.documents(request.id()).stream().filter(d -> d.id() == id && d.outboxMessageId() != null)
        .findFirst().flatMap(d -> outbox.find(d.outboxMessageId())).map(OutboxMessage::bodyHtml)
        .orElseThrow(() -> new ApiNotFoundException("No document " + id + " for request " + reference));
  }

  /** The 201 answer: fields of the request row only (no events, pauses or documents to load). */
  private Map<String, Object> summary(RequestRecord request) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("reference", request.reference());
    body.put("right", request.right());
    body.put("status", request.status());
    body.put("overdue", queries.isOverdue(request));
    body.put("receivedOn", request.receivedOn());
    body.put("dueDate", request.dueDate());
    body.put("extendedDueDate", request.extendedDueDate());
    body.put("processInstanceId", request.processInstanceId());
    return body;
  }

  private static ApiNotFoundException notFound(String reference) {
    return new ApiNotFoundException("No request with reference " + reference);
  }
}
