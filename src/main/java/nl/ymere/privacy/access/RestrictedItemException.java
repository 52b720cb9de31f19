package nl.ymere.privacy.access;

import java.util.List;
import nl.ymere.privacy.personaldata.ItemRef;
import nl.ymere.privacy.web.ApiProblemException;
import org.springframework.http.HttpStatus;

/** 403: a special-category or criminal-law item is decided only by its restricted team or a privacy officer (SEC-1). */
class RestrictedItemException extends ApiProblemException {

  RestrictedItemException(ItemRef ref) {
    super(HttpStatus.FORBIDDEN, "Forbidden", "Item " + ref + " is special-category or criminal-law data: only its "
        + "restricted team or a privacy officer may read and decide it.", List.of());
  }
}
