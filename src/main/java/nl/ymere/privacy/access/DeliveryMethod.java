package nl.ymere.privacy.access;

/** How the person receives the access dossier (ACC-2, ID-5); the value of the process variable deliveryMethod. */
enum DeliveryMethod {
  /** Collected at the office after the ID is checked again. */
  APPOINTMENT,
  /** Downloaded through an expiring link (e-mail) with a one-time code sent by post. */
  ELECTRONIC,
  /** The person does not want the dossier (any more) or does not react: the process ends without delivery. */
  DECLINED
}
