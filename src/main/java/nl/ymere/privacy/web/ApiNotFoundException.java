package nl.ymere.privacy.web;

import java.util.List;
import org.springframework.http.HttpStatus;

/** 404: the addressed record does not exist (or the caller may not know that it does). */
public class ApiNotFoundException extends ApiProblemException {

  public ApiNotFoundException(String detail) {
    super(HttpStatus.NOT_FOUND, "Not found", detail, List.of());
  }
}
