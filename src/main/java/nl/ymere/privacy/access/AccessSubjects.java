package nl.ymere.privacy.access;

import java.util.Set;
import nl.ymere.privacy.personaldata.DataReader;
import nl.ymere.privacy.personaldata.SubjectKey;
import nl.ymere.privacy.request.RequestRecord;
import nl.ymere.privacy.security.Groups;

/** Who an access request is about, and who reads on the process's behalf. */
final class AccessSubjects {

  /**
   * The reader of the steps that run without a user: collecting the item references and compiling the dossier
   * (service tasks run inside whichever user completes the previous task, possibly a desk member who may not read
   * flagged items). It reads as a privacy officer would (SEC-1) and every read of a flagged item is logged under this
   * id with purpose ACCESS_REQUEST. Handlers never see flagged content through it: the review page reads as the
   * logged-in user, and decisions on flagged items need a user who may read them.
   */
  static final DataReader SYSTEM_READER = new DataReader("system:dsr-access", Set.of(Groups.PRIVACY_OFFICERS));

  /**
   * The key of the person the data are about: the data subject when someone acts for them (no e-mail then: the
   * address on the request is the representative's), otherwise the requester with date of birth and e-mail; plus
   * the tenancy number the handler entered (ACC-2).
   */
  static SubjectKey of(RequestRecord request, String tenancyNumber) {
    if (request.subjectName() != null && !request.subjectName().isBlank()) {
      return new SubjectKey(request.subjectName(), request.subjectDateOfBirth(), null, tenancyNumber);
    }
    return new SubjectKey(request.requesterName(), request.requesterDateOfBirth(), request.requesterEmail(),
        tenancyNumber);
  }

  private AccessSubjects() {
  }
}
