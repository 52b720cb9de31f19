package nl.ymere.privacy.web;

import java.util.List;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;

/** 400: one or more fields of the request are missing or invalid. */
public class ApiValidationException extends ApiProblemException {

  public ApiValidationException(List<ApiFieldError> errors) {
    super(HttpStatus.BAD_REQUEST, ApiExceptionHandler.INVALID_REQUEST, describe(errors), errors);
    if (errors.isEmpty()) {
      throw new IllegalArgumentException("A validation problem names at least one field");
    }
  }

  public ApiValidationException(String field, String message) {
    this(List.of(new ApiFieldError(field, message)));
  }

  static String describe(List<ApiFieldError> errors) {
    return errors.stream()
        .map(error -> error.field() == null || error.field().isEmpty() ? error.message()
            : error.field() + ": " + error.message())
        .collect(Collectors.joining("; "));
  }
}
