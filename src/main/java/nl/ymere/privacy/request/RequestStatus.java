package nl.ymere.privacy.request;

/** Status of a request as the product API reports it (DESIGN.md). */
public enum RequestStatus {
  REGISTERED, AWAITING_IDENTITY, SUSPENDED, IN_PROGRESS, CLOSED
}
