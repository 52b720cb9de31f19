package nl.ymere.privacy.mail;

/** A rendered mail template: subject (the HTML {@code <title>}), HTML body, plain-text alternative, version. */
record RenderedMail(String subject, String html, String text, String templateVersion) {
}
