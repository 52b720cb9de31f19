package nl.ymere.privacy.web;

import java.util.List;
import org.springframework.http.HttpStatus;

/** 403: the caller may use the endpoint but not take this step (e.g. the second step of a four-eyes pair). */
public class ApiForbiddenException extends ApiProblemException {

  public ApiForbiddenException(String detail) {
    super(HttpStatus.FORBIDDEN, "Forbidden", detail, List.of());
  }
}
