package nl.ymere.privacy.fraud;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/fraud-signals}: register a signal, read it, its explanation and who read it. Signal data is criminal-law
 * data: only fraud assessors and privacy officers reach these endpoints (SecurityConfiguration), and every read is
 * logged (SEC-1). {@code /api/fraud-oversight}: the oversight figures, for privacy officers only.
 */
@RestController
class FraudSignalController {

  private final FraudSignalRegistrationService registration;
  private final FraudSignalQueryService queries;
  private final FraudExplanationService explanations;
  private final FraudOversightService oversight;
  private final FraudSignalRepository signals;

  FraudSignalController(FraudSignalRegistrationService registration, FraudSignalQueryService queries,
      FraudExplanationService explanations, FraudOversightService oversight, FraudSignalRepository signals) {
    this.registration = registration;
    this.queries = queries;
    this.explanations = explanations;
    this.oversight = oversight;
    this.signals = signals;
  }

  @PostMapping(path = "/api/fraud-signals", consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<Map<String, Object>> register(@RequestBody RegisterFraudSignalCommand command,
      Authentication authentication) {
    String reference = registration.register(command, authentication.getName());
    FraudSignal signal = signals.getByReference(reference);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("reference", reference);
    body.put("status", signal.status());
    body.put("riskBand", signals.latestEvaluation(signal.id()).map(FraudSignalRepository.Evaluation::band)
        .orElse(null));
    body.put("processInstanceId", signal.processInstanceId());
    return ResponseEntity.created(URI.create("/api/fraud-signals/" + reference)).body(body);
  }

  @GetMapping("/api/fraud-signals/{reference}")
  FraudSignalQueryService.SignalView get(@PathVariable String reference, Authentication authentication) {
    return queries.view(reference, authentication.getName());
  }

  /** The explanation of the decision for an access request (default) or a human-review request. */
  @GetMapping("/api/fraud-signals/{reference}/explanation")
  FraudExplanation explanation(@PathVariable String reference,
      @RequestParam(defaultValue = "ACCESS_REQUEST") ReadPurpose purpose, Authentication authentication) {
    return explanations.explain(reference, authentication.getName(), purpose);
  }

  @GetMapping("/api/fraud-signals/{reference}/reads")
  List<FraudSignalQueryService.ReadView> reads(@PathVariable String reference) {
    return queries.reads(reference);
  }

  @GetMapping("/api/fraud-oversight")
  List<FraudOversightService.VersionFigures> oversight() {
    return oversight.figures();
  }
}
