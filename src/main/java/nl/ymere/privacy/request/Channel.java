package nl.ymere.privacy.request;

/** How a request reached the corporation (REQ-2). */
public enum Channel {
  WEB_FORM, EMAIL, LETTER, PHONE, DESK
}
