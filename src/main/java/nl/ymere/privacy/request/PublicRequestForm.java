package nl.ymere.privacy.request;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * What the public form at {@code /verzoek} posts. Every field is text, so nothing a visitor types fails in binding:
 * {@link #toCommand} turns it into the same {@link RegisterRequestCommand} as {@code POST /api/requests}, collecting
 * what it cannot read under the form's field names. The field names are part of the page's contract (browser tests
 * fill them).
 */
public class PublicRequestForm {

  private String right;
  private String requesterName;
  private String requesterEmail;
  private String requesterPostalAddress;
  private String requesterDateOfBirth;
  private boolean onBehalf;
  private String representation;
  private String subjectName;
  private String subjectDateOfBirth;
  private String description;
  /** Only read for an objection (OBJ-1, OBJ-2): DIRECT_MARKETING, LEGITIMATE_INTEREST or empty (not sure). */
  private String objectionScope;
  /** The honeypot: hidden from people, filled in by form-filling robots. */
  private String website;

  /** Whether a robot filled the field that people do not see. */
  boolean honeypotFilled() {
    return website != null && !website.isBlank();
  }

  /**
   * The registration command of the web-form channel (REQ-2), receipt now; what cannot be read is added to
   * {@code errors} and left out of the command (the service then checks the rest).
   */
  RegisterRequestCommand toCommand(String language, PublicRequestFormErrors errors) {
    RequestRight requestRight = parseRight(errors);
    LocalDate requesterBirth = parseDate("requesterDateOfBirth", requesterDateOfBirth, errors);
    Representation representedAs = Representation.SELF;
    RegisterRequestCommand.Person subject = null;
    if (onBehalf) {
      representedAs = parseRepresentation(errors);
      subject = new RegisterRequestCommand.Person(subjectName, null, null,
          parseDate("subjectDateOfBirth", subjectDateOfBirth, errors));
    }
    ObjectionScope scope = requestRight == RequestRight.OBJECTION ? parseObjectionScope(errors) : null;
    return new RegisterRequestCommand(requestRight, null, Channel.WEB_FORM,
        new RegisterRequestCommand.Person(requesterName, requesterEmail, requesterPostalAddress, requesterBirth),
        subject, representedAs, blankToNull(description), language, scope);
  }

  /** The page shows the choice without JavaScript; it only counts when the right is OBJECTION. Empty = not sure. */
  private ObjectionScope parseObjectionScope(PublicRequestFormErrors errors) {
    if (objectionScope == null || objectionScope.isBlank()) {
      return null;
    }
    try {
      return ObjectionScope.valueOf(objectionScope.strip());
    } catch (IllegalArgumentException e) {
      errors.add("objectionScope", "invalid");
      return null;
    }
  }

  private RequestRight parseRight(PublicRequestFormErrors errors) {
    if (right == null || right.isBlank()) {
      errors.add("right", "required");
      return null;
    }
    try {
      return RequestRight.valueOf(right.strip());
    } catch (IllegalArgumentException e) {
      errors.add("right", "required");
      return null;
    }
  }

  /** Someone filing for another person says in which capacity (REP-1 to REP-4); SELF is not a choice here. */
  private Representation parseRepresentation(PublicRequestFormErrors errors) {
    try {
      Representation parsed = representation == null || representation.isBlank() ? null
          : Representation.valueOf(representation.strip());
      if (parsed != null && parsed != Representation.SELF) {
        return parsed;
      }
    } catch (IllegalArgumentException e) {
      // reported below
    }
    errors.add("representation", "required");
    // Keeps the service's checks of the data subject running; nothing is stored while errors exist.
    return Representation.AUTHORISED_AGENT;
  }

  private static LocalDate parseDate(String field, String text, PublicRequestFormErrors errors) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return LocalDate.parse(text.strip());
    } catch (DateTimeParseException e) {
      errors.add(field, "invalid");
      return null;
    }
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text;
  }

  public String getObjectionScope() {
    return objectionScope;
  }

  public void setObjectionScope(String objectionScope) {
    this.objectionScope = objectionScope;
  }

  public String getRight() {
    return right;
  }

  public void setRight(String right) {
    this.right = right;
  }

  public String getRequesterName() {
    return requesterName;
  }

  public void setRequesterName(String requesterName) {
    this.requesterName = requesterName;
  }

  public String getRequesterEmail() {
    return requesterEmail;
  }

  public void setRequesterEmail(String requesterEmail) {
    this.requesterEmail = requesterEmail;
  }

  public String getRequesterPostalAddress() {
    return requesterPostalAddress;
  }

  public void setRequesterPostalAddress(String requesterPostalAddress) {
    this.requesterPostalAddress = requesterPostalAddress;
  }

  public String getRequesterDateOfBirth() {
    return requesterDateOfBirth;
  }

  public void setRequesterDateOfBirth(String requesterDateOfBirth) {
    this.requesterDateOfBirth = requesterDateOfBirth;
  }

  public boolean isOnBehalf() {
    return onBehalf;
  }

  public void setOnBehalf(boolean onBehalf) {
    this.onBehalf = onBehalf;
  }

  public String getRepresentation() {
    return representation;
  }

  public void setRepresentation(String representation) {
    this.representation = representation;
  }

  public String getSubjectName() {
    return subjectName;
  }

  public void setSubjectName(String subjectName) {
    this.subjectName = subjectName;
  }

  public String getSubjectDateOfBirth() {
    return subjectDateOfBirth;
  }

  public void setSubjectDateOfBirth(String subjectDateOfBirth) {
    this.subjectDateOfBirth = subjectDateOfBirth;
  }

  public String getDescription() {
    return description;
  }

  public void setDescription(String description) {
    this.description = description;
  }

  public String getWebsite() {
    return website;
  }

  public void setWebsite(String website) {
    this.website = website;
  }
}
