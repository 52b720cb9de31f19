package nl.ymere.privacy.mail;

/** Life cycle of an outbox row (DESIGN principle 4). */
public enum OutboxStatus {
  /** E-mail waiting for its next attempt ({@code next_attempt_at}). */
  PENDING,
  /** Claimed by one node that is sending it; a row left here by a crash is shown to admins, never re-sent blindly. */
  SENDING,
  SENT,
  /** Gave up after {@code privacy.mail.max-attempts}, or the message can never be sent (e.g. a malformed address). */
  FAILED,
  /** Letter waiting to be printed and posted. */
  PRINT_PENDING,
  PRINTED
}
