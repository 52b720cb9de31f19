package nl.ymere.privacy.mail;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** Times on the admin pages, in {@code privacy.time-zone}: {@code ${times.of(message.createdAt)}}. */
record AdminTimes(ZoneId zone) {

  private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("dd-MM-yyyy HH:mm:ss");

  public String of(Instant instant) {
    return instant == null ? "" : FORMAT.format(instant.atZone(zone));
  }
}
