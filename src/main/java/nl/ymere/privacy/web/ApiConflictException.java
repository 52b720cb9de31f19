package nl.ymere.privacy.web;

import java.util.List;
import org.springframework.http.HttpStatus;

/** 409: the request is valid but conflicts with the current state (e.g. a second extension, DL-6). */
public class ApiConflictException extends ApiProblemException {

  public ApiConflictException(String detail) {
    super(HttpStatus.CONFLICT, "Conflict", detail, List.of());
  }
}
