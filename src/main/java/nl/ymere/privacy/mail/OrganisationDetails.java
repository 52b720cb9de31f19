package nl.ymere.privacy.mail;

import java.time.LocalDate;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code privacy.organisation.*}: who sends every letter and e-mail. Rendered in the header and footer of every
 * mail template as {@code org} (LET-1: contact, statement version).
 *
 * @param statementDate the date of the privacy statement version in force (ROP-4; its versions are registered in
 *     {@code privacy.privacy_statement_version})
 */
@ConfigurationProperties("privacy.organisation")
public record OrganisationDetails(String name, String postalAddress, String visitingAddress, String privacyEmail,
    String website, String fgContact, String statementVersion, LocalDate statementDate) {
}
