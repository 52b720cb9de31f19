package nl.ymere.privacy.web;

import java.util.List;
import org.springframework.http.HttpStatus;

/** 422: well-formed but not acceptable by a rule (e.g. a child under 16 filing alone, REP-1). */
public class ApiUnprocessableException extends ApiProblemException {

  public ApiUnprocessableException(String detail) {
    this(detail, List.of());
  }

  public ApiUnprocessableException(String detail, List<ApiFieldError> errors) {
    super(HttpStatus.UNPROCESSABLE_ENTITY, "Unprocessable request", detail, errors);
  }
}
