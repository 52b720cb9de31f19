package nl.ymere.privacy.complaint;

/** How the complaint was judged (CMP-1). Anything but UPHELD needs a privacy officer's approval (four eyes). */
public enum ComplaintOutcome {
  UPHELD, PARTLY_UPHELD, NOT_UPHELD;

  public boolean needsApproval() {
    return this != UPHELD;
  }
}
