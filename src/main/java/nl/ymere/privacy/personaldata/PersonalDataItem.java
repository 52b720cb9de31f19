package nl.ymere.privacy.personaldata;

import java.util.List;

/**
 * What a source holds about a person, described the way ACC-1 asks (Art 15(1)): which system, which category, why
 * (purpose and legal basis), where it came from, who receives it, how long it is kept, and its flags. The content
 * itself comes from {@link PersonalDataSource#export(String)}.
 *
 * @param system the source system ({@link PersonalDataSource#system()})
 * @param itemId the source's id of the item, stable until it is erased
 * @param category the category of personal data, in words for the dossier
 * @param purpose the purpose of the processing, in words
 * @param legalBasis the lawful basis (Art 6(1))
 * @param origin where the data came from (Art 15(1)(g)): the person, or who else
 * @param recipients who receives or received it (Art 15(1)(c)); empty when nobody outside the corporation
 * @param retention the retention rule and, when known, its end date (RET-1)
 * @param specialCategory health or other Art 9 data (ROP-2): only the source's restricted team and privacy officers
 *     may read it (SEC-1)
 * @param criminalLaw Art 10 data, e.g. nuisance evidence (ROP-2): as restricted as special-category data
 * @param thirdPartyData the item also holds data about someone else (redact before giving it out, ACC-3)
 * @param providedBySubject the person gave the data themselves, including data observed from their use of a service
 *     (WP242); false for data Ymere derived (scores, assessments) or got from others (portability scope, POR-2)
 * @param restricted the processing block of Art 18 is set (RES-2)
 */
public record PersonalDataItem(
    String system,
    String itemId,
    String category,
    String purpose,
    LegalBasis legalBasis,
    String origin,
    List<String> recipients,
    Retention retention,
    boolean specialCategory,
    boolean criminalLaw,
    boolean thirdPartyData,
    boolean providedBySubject,
    boolean restricted) {

  public PersonalDataItem {
    recipients = List.copyOf(recipients);
  }

  public ItemRef ref() {
    return new ItemRef(system, itemId);
  }

  /** Special-category or criminal-law data: reading it is restricted and logged (SEC-1). */
  public boolean flagged() {
    return specialCategory || criminalLaw;
  }
}
