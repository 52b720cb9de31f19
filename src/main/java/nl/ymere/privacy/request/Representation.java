package nl.ymere.privacy.request;

/** Who files the request for the data subject (rules REP). */
public enum Representation {
  SELF, PARENTAL_AUTHORITY, GUARDIANSHIP, MENTORSHIP, AUTHORISED_AGENT
}
