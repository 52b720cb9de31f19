package nl.ymere.privacy.request;

/** Outcome of a request (REQ-5). */
public enum Outcome {
  GRANTED, PARTIALLY_GRANTED, REFUSED, NO_DATA, NOT_PROCESSABLE, WITHDRAWN;

  /** Partial or full refusal: LET-3 letter and four-eyes approval. */
  public boolean isRefusal() {
    return this == PARTIALLY_GRANTED || this == REFUSED || this == NOT_PROCESSABLE;
  }
}
