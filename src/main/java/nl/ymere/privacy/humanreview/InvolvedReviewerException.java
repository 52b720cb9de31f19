package nl.ymere.privacy.humanreview;

import nl.ymere.privacy.security.FourEyesViolationException;

/** ADM-6: a user involved before in the decision (reporter, registrar, earlier assessor) may not review it. */
class InvolvedReviewerException extends FourEyesViolationException {

  InvolvedReviewerException(String user) {
    super("ADM-6: " + user + " was eerder bij dit besluit betrokken (melder, registratie of beoordeling) en mag het "
        + "niet opnieuw nemen.");
  }
}
