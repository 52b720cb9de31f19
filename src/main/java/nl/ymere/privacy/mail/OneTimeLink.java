package nl.ymere.privacy.mail;

/**
 * A template variable holding a link that is itself a secret (the one-time upload link for a masked ID copy): only
 * the recipient may see it (issue 14 finding 6). {@link OutboxService} stores the message twice: the staff-readable
 * copy ({@code body_html}, shown through {@code /api/requests/{reference}/documents/{id}} and the outbox admin page)
 * with {@link #MARKER} in place of the link, and the recipient's copy with the link, encrypted
 * ({@code security.RecordCipher}) until the row is SENT or PRINTED. Renders as its URL.
 */
public record OneTimeLink(String url) {

  /** What staff read where the recipient's copy has the link. */
  public static final String MARKER = "[eenmalige link, alleen in de verzonden brief]";

  public OneTimeLink {
    if (url == null || url.isBlank()) {
      throw new IllegalArgumentException("A one-time link needs a URL");
    }
  }

  @Override
  public String toString() {
    return url;
  }
}
