package nl.ymere.privacy.process;

import java.time.Instant;

/**
 * A proposed refusal as the second person reads it on a "confirm refusal" screen (issue 16, LET-3): what is refused,
 * the reasons that go into the letter, who proposed it and when (null when the capability does not record it), and
 * the decision already taken on it (null while open). Read from the capability's tables at view time.
 */
public record RefusalToConfirm(String what, String reasons, String proposedBy, Instant proposedAt, String decision) {
}
