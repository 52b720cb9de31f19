package nl.ymere.privacy.portability;

import java.util.List;
import nl.ymere.privacy.personaldata.ItemRef;
import nl.ymere.privacy.web.ApiProblemException;
import org.springframework.http.HttpStatus;

/** 403: the export holds a special-category or criminal-law item the user may not read (SEC-1; the refusal is logged). */
class RestrictedExportException extends ApiProblemException {

  RestrictedExportException(ItemRef ref) {
    super(HttpStatus.FORBIDDEN, "Forbidden", "The export holds item " + ref + ", special-category or criminal-law "
        + "data: only its restricted team or a privacy officer may download it.", List.of());
  }
}
