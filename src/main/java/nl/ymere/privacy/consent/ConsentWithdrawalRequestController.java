package nl.ymere.privacy.consent;

import java.util.List;
import java.util.Map;
import nl.ymere.privacy.web.ApiFieldErrors;
import nl.ymere.privacy.web.ApiValidationException;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/requests/{reference}/consent-withdrawal} {@code {"consents":["TST-..."]}}: the desk carries out a
 * request of kind CONSENT_WITHDRAWAL (REQ-1) through the consent register's withdrawal (CON-2).
 */
@RestController
class ConsentWithdrawalRequestController {

  record Body(List<String> consents) {
  }

  private final ConsentWithdrawalRequests withdrawals;
  private final ConsentViews views;

  ConsentWithdrawalRequestController(ConsentWithdrawalRequests withdrawals, ConsentViews views) {
    this.withdrawals = withdrawals;
    this.views = views;
  }

  @PostMapping(path = "/api/requests/{reference}/consent-withdrawal", consumes = MediaType.APPLICATION_JSON_VALUE)
  Map<String, Object> withdraw(@PathVariable String reference, @RequestBody Body body, Authentication authentication) {
    if (body == null) {
      throw new ApiValidationException("", "a JSON object is required");
    }
    ApiFieldErrors errors = new ApiFieldErrors();
    if (body.consents() == null || body.consents().isEmpty()) {
      errors.add("consents", "at least one consent reference is required");
    } else {
      for (int i = 0; i < body.consents().size(); i++) {
        String consent = body.consents().get(i);
        if (consent == null || !consent.matches("TST-\\d{4}-\\d{6}")) {
          errors.add("consents[" + i + "]", "a consent reference TST-yyyy-nnnnnn");
        }
      }
      if (body.consents().stream().distinct().count() != body.consents().size()) {
        errors.add("consents", "a consent is named twice");
      }
    }
    errors.throwIfAny();
    List<ConsentRecord> withdrawn = withdrawals.withdraw(reference, body.consents(), authentication.getName());
    return Map.of("request", reference, "consents", withdrawn.stream().map(views::of).toList());
  }
}
