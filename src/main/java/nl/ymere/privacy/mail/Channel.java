package nl.ymere.privacy.mail;

/** How an outbox message reaches its recipient. */
public enum Channel {
  /** Sent by the {@link OutboxDispatcher} over SMTP. */
  EMAIL,
  /** A printable letter for a recipient without an e-mail address; never sent by SMTP. */
  LETTER
}
