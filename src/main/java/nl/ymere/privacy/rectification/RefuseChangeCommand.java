package nl.ymere.privacy.rectification;

/** Body of {@code POST .../rectification/changes/{id}/refusal}: the case-specific reason (LET-3). */
record RefuseChangeCommand(String reason) {
}
