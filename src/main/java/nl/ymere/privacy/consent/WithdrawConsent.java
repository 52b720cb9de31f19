package nl.ymere.privacy.consent;

/**
 * A withdrawal to record (CON-2, CON-3: the person or either representative).
 *
 * @param requestReference the data-subject request of kind CONSENT_WITHDRAWAL it came with (REQ-1), if any
 * @param postalAddress where the confirmation letter goes when the consent has no e-mail address (item 6), if any
 */
public record WithdrawConsent(ConsentChannel channel, GivenBy withdrawnBy, String withdrawnByName,
    String requestReference, String postalAddress) {

  public WithdrawConsent(ConsentChannel channel, GivenBy withdrawnBy, String withdrawnByName,
      String requestReference) {
    this(channel, withdrawnBy, withdrawnByName, requestReference, null);
  }
}
