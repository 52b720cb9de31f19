package nl.ymere.privacy.consent;

import java.util.List;
import nl.ymere.privacy.personaldata.LegalBasis;

/**
 * A published purpose of processing (ROP-1, ROP-3: one legal basis per purpose), as the purposes table holds it.
 *
 * @param sourceSystems the personal-data sources whose items serve this purpose ({@code PersonalDataSource.system()})
 * @param processKeys the BPMN processes that implement it
 * @param compatibilityTestRef the compatibility test record (ROP-4); without it the purpose takes no consent
 */
public record Purpose(String code, String nameNl, String nameEn, LegalBasis legalBasis, String basisNote,
    List<String> subjectCategories, List<String> dataCategories, List<String> sourceSystems, List<String> processKeys,
    String retention, String compatibilityTestRef, String statementVersion) {
}
