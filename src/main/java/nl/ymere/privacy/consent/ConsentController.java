package nl.ymere.privacy.consent;

import java.net.URI;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.ymere.privacy.personaldata.SubjectKey;
import nl.ymere.privacy.web.ApiFieldErrors;
import nl.ymere.privacy.web.ApiNotFoundException;
import nl.ymere.privacy.web.ApiValidationException;
import nl.ymere.privacy.web.ControlCharacters;
import nl.ymere.privacy.web.IsoDates;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/consents}: the consent register for the privacy desk, privacy officers and integrations (CON-1..CON-3).
 * Giving: {@code POST /api/consents} (201); reading: {@code GET /api/consents/{reference}} with the propagation
 * steps; withdrawing: {@code POST /api/consents/{reference}/withdrawal} (200; 409 when withdrawn already). Bad input
 * is 400/404/409/422 problem+json and stores nothing.
 */
@RestController
@RequestMapping("/api/consents")
class ConsentController {

  record SubjectBody(String name, String dateOfBirth, String email, String tenancyNumber) {
  }

  record GiveBody(String purpose, SubjectBody subject, String channel, String givenBy, String givenByName,
      Integer textVersion) {
  }

  record WithdrawBody(String channel, String withdrawnBy, String withdrawnByName, String requestReference,
      String confirmationPostalAddress) {
  }

  private final ConsentService consents;
  private final ConsentViews views;

  ConsentController(ConsentService consents, ConsentViews views) {
    this.consents = consents;
    this.views = views;
  }

  @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<Map<String, Object>> give(@RequestBody GiveBody body, Authentication authentication) {
    if (body == null) {
      throw new ApiValidationException("", "a JSON object is required");
    }
    ApiFieldErrors errors = new ApiFieldErrors();
    if (body.purpose() == null || body.purpose().isBlank()) {
      errors.add("purpose", "is required");
    }
    SubjectKey subject = subject(body.subject(), errors);
    ConsentChannel channel = enumValue(ConsentChannel.class, "channel", body.channel(), errors);
    GivenBy givenBy = body.givenBy() == null ? GivenBy.SELF : enumValue(GivenBy.class, "givenBy", body.givenBy(),
        errors);
    text(errors, "givenByName", body.givenByName(), 200);
    if (body.textVersion() != null && body.textVersion() < 1) {
      errors.add("textVersion", "must be 1 or higher");
    }
    errors.throwIfAny();
    ConsentRecord consent = consents.give(new GiveConsent(body.purpose().strip(), subject, channel, givenBy,
        body.givenByName(), body.textVersion()), authentication.getName());
    return ResponseEntity.created(URI.create("/api/consents/" + consent.reference())).body(view(consent));
  }

  @GetMapping("/{reference}")
  Map<String, Object> get(@PathVariable String reference) {
    return view(consents.find(reference)
        .orElseThrow(() -> new ApiNotFoundException("Onbekende toestemming / no consent " + reference)));
  }

  @PostMapping(path = "/{reference}/withdrawal", consumes = MediaType.APPLICATION_JSON_VALUE)
  Map<String, Object> withdraw(@PathVariable String reference, @RequestBody WithdrawBody body,
      Authentication authentication) {
    if (body == null) {
      throw new ApiValidationException("", "a JSON object is required");
    }
    ApiFieldErrors errors = new ApiFieldErrors();
    ConsentChannel channel = enumValue(ConsentChannel.class, "channel", body.channel(), errors);
    GivenBy by = body.withdrawnBy() == null ? GivenBy.SELF : enumValue(GivenBy.class, "withdrawnBy",
        body.withdrawnBy(), errors);
    text(errors, "withdrawnByName", body.withdrawnByName(), 200);
    text(errors, "requestReference", body.requestReference(), 40);
    text(errors, "confirmationPostalAddress", body.confirmationPostalAddress(), 500);
    errors.throwIfAny();
    if (consents.find(reference).isEmpty()) {
      throw new ApiNotFoundException("Onbekende toestemming / no consent " + reference);
    }
    return view(consents.withdraw(reference, new WithdrawConsent(channel, by, body.withdrawnByName(),
        body.requestReference(), body.confirmationPostalAddress()), authentication.getName()));
  }

  static SubjectKey subject(SubjectBody body, ApiFieldErrors errors) {
    if (body == null) {
      errors.add("subject", "is required");
      return null;
    }
    text(errors, "subject.name", body.name(), 200);
    text(errors, "subject.email", body.email(), 320);
    text(errors, "subject.tenancyNumber", body.tenancyNumber(), 40);
    LocalDate dateOfBirth = null;
    if (body.dateOfBirth() != null && !body.dateOfBirth().isBlank()) {
      dateOfBirth = IsoDates.parseDate("subject.dateOfBirth", body.dateOfBirth(), errors);
    }
    if (body.email() != null && !body.email().isBlank() && !body.email().strip().matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
      errors.add("subject.email", "is not an e-mail address");
    }
    try {
      return new SubjectKey(body.name(), dateOfBirth, body.email(), body.tenancyNumber());
    } catch (IllegalArgumentException e) {
      if (!errors.has("subject.dateOfBirth")) {
        errors.add("subject", "name and dateOfBirth, email or tenancyNumber is required");
      }
      return null;
    }
  }

  private static void text(ApiFieldErrors errors, String field, String value, int max) {
    if (value == null) {
      return;
    }
    if (value.length() > max) {
      errors.add(field, "longer than " + max + " characters");
    }
    String problem = ControlCharacters.problem(field, value);
    if (problem != null) {
      errors.add(field, problem);
    }
  }

  static <E extends Enum<E>> E enumValue(Class<E> type, String field, String value, ApiFieldErrors errors) {
    if (value == null || value.isBlank()) {
      errors.add(field, "is required");
      return null;
    }
    try {
      return Enum.valueOf(type, value.strip());
    } catch (IllegalArgumentException e) {
      errors.add(field, "unknown value; one of " + Arrays.toString(type.getEnumConstants()));
      return null;
    }
  }

  private Map<String, Object> view(ConsentRecord consent) {
    return views.of(consent);
  }
}
