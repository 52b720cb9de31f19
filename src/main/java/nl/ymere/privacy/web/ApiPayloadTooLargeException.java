package nl.ymere.privacy.web;

import java.util.List;
import org.springframework.http.HttpStatus;

/** 413: the request body or an upload is larger than the API accepts. */
public class ApiPayloadTooLargeException extends ApiProblemException {

  public ApiPayloadTooLargeException(String detail) {
    super(HttpStatus.PAYLOAD_TOO_LARGE, "Payload too large", detail, List.of());
  }
}
