package nl.ymere.privacy.mail;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code privacy.organisation.*}: who sends every letter and e-mail. Rendered in the header and footer of every
 * mail template as {@code org} (LET-1: contact, statement version).
 */
@ConfigurationProperties("privacy.organisation")
public record OrganisationDetails(String name, String postalAddress, String visitingAddress, String privacyEmail,
    String website, String fgContact, String statementVersion) {
}
