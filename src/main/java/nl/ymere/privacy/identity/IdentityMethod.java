package nl.ymere.privacy.identity;

/** How identity is established (ID-1..ID-3), recorded without any document data. */
public enum IdentityMethod {
  AUTHENTICATED, KNOWN_CONTACT, CHALLENGE, DOCUMENT_SEEN, MASKED_COPY
}
