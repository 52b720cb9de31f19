package nl.ymere.privacy.consent;

import java.util.List;
import nl.ymere.privacy.personaldata.LegalBasis;

/**
 * A published purpose of processing (ROP-1, ROP-3: one legal basis per purpose), as the purposes table holds it.
 *
 * @param sourceSystems the personal-data sources whose items serve this purpose ({@code PersonalDataSource.system()})
 * @param processKeys the BPMN processes that implement it
 * @param compatibilityTestRef the compatibility test record (ROP-4); without it the purpose takes no consent
 * @param statementVersion the privacy statement version that published it; null while it is not published (ROP-4)
 * @param needsCompatibilityTest a purpose added after the first statement: without a compatibility test record it
 *     takes no consent and opens no sharing gate (ROP-4)
 */
public record Purpose(String code, String nameNl, String nameEn, LegalBasis legalBasis, String basisNote,
    List<String> subjectCategories, List<String> dataCategories, List<String> sourceSystems, List<String> processKeys,
    String retention, String compatibilityTestRef, String statementVersion, boolean needsCompatibilityTest) {

  /** ROP-4: published in a statement version. */
  public boolean published() {
    return statementVersion != null;
  }

  /** ROP-4: a new purpose waits for its compatibility test record. */
  public boolean awaitsCompatibilityTest() {
    return needsCompatibilityTest && compatibilityTestRef == null;
  }
}
