package nl.ymere.privacy.processor;

import java.time.LocalDate;
import java.util.List;

/**
 * A new or changed party for {@code processor-agreement}: the party, the service, the personal data categories, the
 * data subjects, the purposes, where the data is processed, the expiry date and the role questionnaire (inputs of
 * {@code processor-role.dmn}). Purposes and data categories are codes (e.g. {@code RENT_COLLECTION},
 * {@code CONTACT_DETAILS}); the gate compares them.
 */
public record RegisterAgreementCommand(
    String partyCode,
    String partyName,
    String partyEmail,
    String service,
    String dataSubjects,
    List<String> purposes,
    List<String> dataCategories,
    String processingCountry,
    LocalDate expiresOn,
    Boolean actsOnInstructions,
    Boolean decidesPurposesAndMeans,
    Boolean jointlyDetermines,
    Boolean publicOrPartnerBody) {
}
