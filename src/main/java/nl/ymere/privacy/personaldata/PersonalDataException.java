package nl.ymere.privacy.personaldata;

/** A source refused an operation. Messages name systems, item ids and field names only, never content (SEC-3). */
public class PersonalDataException extends RuntimeException {

  public PersonalDataException(String message) {
    super(message);
  }
}
