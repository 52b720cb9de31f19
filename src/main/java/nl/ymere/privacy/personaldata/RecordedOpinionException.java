package nl.ymere.privacy.personaldata;

/**
 * A correction names a field that records someone's opinion, assessment or observation (a work note, a nuisance
 * report, a risk class, a description of camera footage): REC-1 never rewrites it; the person's statement is attached
 * to the item instead.
 */
public class RecordedOpinionException extends FieldNotCorrectableException {

  public RecordedOpinionException(String system, String itemId, String field) {
    super("field '" + field + "' of item " + itemId + " in source " + system + " is a recorded opinion and is not "
        + "rewritten (REC-1): attach the person's statement instead");
  }
}
