package nl.ymere.privacy.consent;

/**
 * Who gives or withdraws a consent (CON-3): the person, or for a child under 16 the holder of parental authority
 * (a parent with gezag or a guardian), for an adult under curatele the curator, under mentorschap the mentor.
 */
public enum GivenBy {
  SELF, PARENTAL_AUTHORITY, GUARDIANSHIP, MENTORSHIP;

  boolean representative() {
    return this != SELF;
  }
}
