package nl.ymere.privacy.personaldata;

/** The source holds no item with this id (never existed, or erased). */
public class UnknownItemException extends PersonalDataException {

  public UnknownItemException(String system, String itemId) {
    super("no item " + itemId + " in source " + system);
  }
}
