package nl.ymere.privacy.processor;

/** Where personal data are processed (PRC-4). Only THIRD_COUNTRY needs SCCs, a TIA, FG advice and management. */
public enum TransferZone {
  EEA,
  ADEQUATE,
  THIRD_COUNTRY
}
