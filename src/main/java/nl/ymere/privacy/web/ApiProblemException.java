package nl.ymere.privacy.web;

import java.util.List;
import org.springframework.http.HttpStatus;

/**
 * A request the API answers with an RFC 9457 problem ({@link ApiExceptionHandler}). Thrown from controllers and
 * services; being a {@link RuntimeException} it rolls back the transaction, so a rejected request changes nothing
 * (DESIGN principle 7). The message becomes the problem's {@code detail}: never put personal data in it.
 */
public abstract class ApiProblemException extends RuntimeException {

  private final HttpStatus status;
  private final String title;
  private final List<ApiFieldError> errors;

  protected ApiProblemException(HttpStatus status, String title, String detail, List<ApiFieldError> errors) {
    super(detail);
    this.status = status;
    this.title = title;
    this.errors = List.copyOf(errors);
  }

  public HttpStatus status() {
    return status;
  }

  public String title() {
    return title;
  }

  public String detail() {
    return getMessage();
  }

  /** Field problems, empty when the problem is not about particular fields. */
  public List<ApiFieldError> errors() {
    return errors;
  }
}
