package nl.ymere.privacy.request;

/**
 * What an objection is against: an optional intake field of an OBJECTION request ({@code objectionScope} in
 * {@code POST /api/requests}, the web form and the Tasklist start form), stored with the request and passed as a code
 * into {@code dsr-objection}. Missing, the desk records it as the sub-process's first step.
 */
public enum ObjectionScope {
  /** OBJ-2: absolute; stops at once, suppression entry (SD-8), no balancing. */
  DIRECT_MARKETING,
  /** OBJ-1, OBJ-3: processing on legitimate interest or public task; restricted until decided (SD-7), balanced. */
  LEGITIMATE_INTEREST
}
