package nl.ymere.privacy.processor;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import nl.ymere.privacy.personaldata.SubjectKey;
import nl.ymere.privacy.web.ApiFieldError;
import nl.ymere.privacy.web.ApiValidationException;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/sharing-checks}: the gate's answer for integrations and staff (PRC-1, PRC-6). Every answer is
 * logged; a refusal is a normal 200 answer with {@code allowed: false} and the reason.
 */
@RestController
class SharingCheckController {

  /** Optional: the person whose data would be shared; required for a consent-based purpose (issue 20, CON-2). */
  record SubjectBody(String name, String dateOfBirth, String email, String tenancyNumber) {
  }

  record SharingCheckBody(String party, String purpose, List<String> dataCategories, String reference,
      SubjectBody subject) {
  }

  private final SharingGate gate;

  SharingCheckController(SharingGate gate) {
    this.gate = gate;
  }

  @PostMapping(path = "/api/sharing-checks", consumes = MediaType.APPLICATION_JSON_VALUE)
  Map<String, Object> check(@RequestBody SharingCheckBody body, Authentication authentication) {
    validate(body);
    SharingDecision decision = gate.check(body.party(), body.purpose(), body.dataCategories(), subject(body.subject()),
        authentication.getName(), body.reference());
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("party", body.party());
    answer.put("purpose", body.purpose());
    answer.put("dataCategories", body.dataCategories());
    answer.put("allowed", decision.allowed());
    answer.put("reason", decision.reason());
    answer.put("agreementReference", decision.agreementReference());
    return answer;
  }

  private static void validate(SharingCheckBody body) {
    List<ApiFieldError> errors = new ArrayList<>();
    if (body == null) {
      throw new ApiValidationException("", "a JSON object is required");
    }
    code(errors, "party", body.party());
    code(errors, "purpose", body.purpose());
    if (body.dataCategories() == null || body.dataCategories().isEmpty()) {
      errors.add(new ApiFieldError("dataCategories", "at least one code required"));
    } else {
      for (int i = 0; i < body.dataCategories().size(); i++) {
        code(errors, "dataCategories[" + i + "]", body.dataCategories().get(i));
      }
    }
    if (body.reference() != null && body.reference().length() > 64) {
      errors.add(new ApiFieldError("reference", "longer than 64 characters"));
    }
    if (!errors.isEmpty()) {
      throw new ApiValidationException(errors);
    }
  }

  private static SubjectKey subject(SubjectBody body) {
    if (body == null) {
      return null;
    }
    LocalDate dateOfBirth = null;
    if (body.dateOfBirth() != null && !body.dateOfBirth().isBlank()) {
      try {
        dateOfBirth = LocalDate.parse(body.dateOfBirth());
      } catch (DateTimeParseException e) {
        throw new ApiValidationException("subject.dateOfBirth", "a date YYYY-MM-DD");
      }
    }
    try {
      return new SubjectKey(body.name(), dateOfBirth, body.email(), body.tenancyNumber());
    } catch (IllegalArgumentException e) {
      throw new ApiValidationException("subject", "name and dateOfBirth, email or tenancyNumber is required");
    }
  }

  private static void code(List<ApiFieldError> errors, String field, String value) {
    if (value == null || !AgreementIntake.CODE.matcher(value).matches()) {
      errors.add(new ApiFieldError(field, "required: upper-case code, letters, digits, - or _ (2-60)"));
    }
  }
}
