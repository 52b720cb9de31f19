package nl.ymere.privacy.personaldata;

/**
 * A kind of recipient an item goes to under the processor register's scope codes (Art 15(1)(c), CJEU C-154/21): the
 * person is told who receives their data by name where the corporation knows the recipient, and the category only
 * where no recipient is known yet.
 *
 * @param purpose the register's purpose code (e.g. {@code NEWSLETTER}), as agreements and covenants name it
 * @param dataCategory the register's data-category code (e.g. {@code CONTACT_DETAILS})
 * @param description the category in words, shown while no party in the register receives it
 */
public record RecipientCategory(String purpose, String dataCategory, String description) {
}
