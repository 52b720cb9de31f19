package nl.ymere.privacy.personaldata;

import java.util.Set;

/** A correction names a field the item lacks or that cannot be corrected (REC-1: opinions are not rewritten). */
public class FieldNotCorrectableException extends PersonalDataException {

  public FieldNotCorrectableException(String system, String itemId, String field, Set<String> correctable) {
    super("field '" + field + "' of item " + itemId + " in source " + system + " cannot be corrected; correctable: "
        + correctable);
  }

  FieldNotCorrectableException(String message) {
    super(message);
  }
}
