package nl.ymere.privacy.consent;

import java.time.Instant;
import java.time.LocalDate;
import nl.ymere.privacy.personaldata.SubjectKey;

/** One consent of the register as given, and its withdrawal when it happened (CON-1..CON-3). */
public record ConsentRecord(
    long id,
    String reference,
    String purposeCode,
    int textVersion,
    String subjectName,
    LocalDate subjectDateOfBirth,
    String subjectEmail,
    String subjectTenancyNumber,
    ConsentChannel channel,
    GivenBy givenBy,
    String givenByName,
    Instant givenAt,
    String registeredBy,
    Instant withdrawnAt,
    ConsentChannel withdrawalChannel,
    GivenBy withdrawnBy,
    String withdrawnByName,
    String withdrawalRegisteredBy,
    String withdrawalRequestReference,
    PropagationStatus propagationStatus,
    Integer erasedItems,
    Integer keptItems,
    String processInstanceId) {

  public boolean withdrawn() {
    return withdrawnAt != null;
  }

  public SubjectKey subject() {
    return new SubjectKey(subjectName, subjectDateOfBirth, subjectEmail, subjectTenancyNumber);
  }
}
