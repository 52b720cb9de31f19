package nl.ymere.privacy.access;

import java.util.Date;
import org.springframework.stereotype.Component;

/** Timer expressions of dsr-access: {@code ${accessDeliveryTimers.linkExpiresAt(reference)}} (ID-5 link expiry). */
@Component("accessDeliveryTimers")
public class AccessDeliveryTimers {

  private final AccessDownloadService downloads;

  AccessDeliveryTimers(AccessDownloadService downloads) {
    this.downloads = downloads;
  }

  /** When the newest download link of the request stops working. */
  public Date linkExpiresAt(String reference) {
    return downloads.linkExpiresAt(reference);
  }
}
