package nl.ymere.privacy.consent;

import nl.ymere.privacy.personaldata.SubjectKey;

/**
 * A consent to record (CON-1, CON-3).
 *
 * @param textVersion the text version the person saw; null means the current one
 * @param givenByName the representative's name (required unless {@code givenBy} is SELF)
 */
public record GiveConsent(String purpose, SubjectKey subject, ConsentChannel channel, GivenBy givenBy,
    String givenByName, Integer textVersion) {
}
