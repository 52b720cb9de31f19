package nl.ymere.privacy.erasure;

/** What happens to one item on the erasure list (ERA-5: deletion or irreversible anonymisation, or kept per ERA-2). */
public enum ErasureDecision {
  ERASE, ANONYMISE, KEEP;

  boolean removesData() {
    return this != KEEP;
  }
}
