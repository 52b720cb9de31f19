package nl.ymere.privacy.personaldata;

import java.util.List;

/**
 * The recipients the corporation knows by name (the processor register: processors under an agreement in force,
 * partners under a covenant in force). Implemented by the {@code processor} capability; without it every item names
 * its categories only.
 */
public interface KnownRecipients {

  /** Every party that receives data of this category for this purpose today, by name; empty when none is known. */
  List<String> named(RecipientCategory category);
}
