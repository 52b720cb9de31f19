package nl.ymere.privacy.consent;

import java.time.Instant;

/**
 * Passing a withdrawal on to one source or processor (CON-2), with its due time and what happened.
 *
 * @param targetKind SOURCE (a system of the corporation) or PROCESSOR (a party of the processor register)
 */
public record PropagationStep(long id, long consentId, String targetKind, String targetCode, String targetName,
    String agreementReference, Instant dueAt, Instant confirmedAt, String confirmedBy, Instant escalatedAt) {

  public static final String SOURCE = "SOURCE";
  public static final String PROCESSOR = "PROCESSOR";
}
