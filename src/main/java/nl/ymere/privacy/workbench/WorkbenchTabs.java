package nl.ymere.privacy.workbench;

import nl.ymere.privacy.security.Groups;
import org.springframework.security.core.Authentication;

/**
 * The tabs "Verzoeken · Klachten · Datalekken" above the workbench's lists (issue 16 item 3), each shown only to the
 * groups SecurityConfiguration lets open it: requests for the desk and the officers (as {@code /api/requests}),
 * complaints also for the FG (as {@code /api/complaints}), breaches for the officers and the FG (as the register at
 * {@code /api/breaches}).
 */
public record WorkbenchTabs(boolean requests, boolean complaints, boolean breaches, String active) {

  static WorkbenchTabs of(Authentication user, String active) {
    return new WorkbenchTabs(mayOpenRequests(user), mayOpenComplaints(user), mayOpenBreaches(user), active);
  }

  static boolean mayOpenRequests(Authentication user) {
    return has(user, Groups.PRIVACY_DESK) || has(user, Groups.PRIVACY_OFFICERS);
  }

  static boolean mayOpenComplaints(Authentication user) {
    return has(user, Groups.PRIVACY_DESK) || has(user, Groups.PRIVACY_OFFICERS) || has(user, Groups.FG);
  }

  static boolean mayOpenBreaches(Authentication user) {
    return has(user, Groups.PRIVACY_OFFICERS) || has(user, Groups.FG);
  }

  private static boolean has(Authentication user, String group) {
    return user != null && user.getAuthorities().stream()
        .anyMatch(a -> a.getAuthority().equals(Groups.authority(group)));
  }
}
