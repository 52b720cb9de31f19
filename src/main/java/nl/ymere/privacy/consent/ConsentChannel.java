package nl.ymere.privacy.consent;

/** How a consent was given or withdrawn (CON-2: withdrawal through any REQ-2 channel, as easily as given). */
public enum ConsentChannel {
  WEB_FORM, EMAIL, LETTER, PHONE, DESK, API, DATA_SUBJECT_REQUEST
}
