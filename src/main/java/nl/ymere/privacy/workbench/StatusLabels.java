package nl.ymere.privacy.workbench;

import nl.ymere.privacy.request.IdentityStatus;
import nl.ymere.privacy.request.RequestStatus;

/** Dutch words for a request's status and identity status on the staff's pages. */
public final class StatusLabels {

  public static String of(RequestStatus status) {
    if (status == null) {
      return "";
    }
    return switch (status) {
      case REGISTERED -> "geregistreerd";
      case AWAITING_IDENTITY -> "wacht op identiteit";
      case SUSPENDED -> "opgeschort";
      case IN_PROGRESS -> "in behandeling";
      case CLOSED -> "afgesloten";
    };
  }

  public static String of(IdentityStatus status) {
    if (status == null) {
      return "";
    }
    return switch (status) {
      case NOT_REQUIRED -> "niet nodig";
      case PENDING -> "nog niet vastgesteld";
      case VERIFIED -> "vastgesteld";
      case FAILED -> "niet vastgesteld";
    };
  }

  private StatusLabels() {
  }
}
