package nl.ymere.privacy.portability;

/** How the file reaches the person (ID-5): collected at the office showing ID again, or secure electronic delivery. */
public enum DeliveryRoute {
  OFFICE,
  SECURE_ELECTRONIC
}
