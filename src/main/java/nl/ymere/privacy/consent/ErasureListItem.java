package nl.ymere.privacy.consent;

/**
 * One item of the erasure list of a withdrawn consent (item 7): ERASE, or KEEP with the reason (LEGAL_HOLD,
 * RETENTION or OTHER_CONSENT).
 */
public record ErasureListItem(long id, String system, String itemId, String category, String decision,
    String keepReason) {

  public static final String ERASE = "ERASE";
  public static final String KEEP = "KEEP";
}
