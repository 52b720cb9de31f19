package nl.ymere.privacy.mail;

/**
 * A rendered mail template: subject (the HTML {@code <title>}), HTML body, version, languages in order ({@code nl,en},
 * or {@code en,nl} for the English-first layout). The plain-text alternative is
 * derived from the HTML when the mail is sent ({@link OutboxMessage#bodyText()}).
 */
record RenderedMail(String subject, String html, String templateVersion, String language) {
}
