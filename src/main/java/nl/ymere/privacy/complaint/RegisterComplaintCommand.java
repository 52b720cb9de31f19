package nl.ymere.privacy.complaint;

import nl.ymere.privacy.request.Channel;
import nl.ymere.privacy.web.DateOrDateTime;

/**
 * Input of {@code POST /api/complaints}: when and how it arrived (DL-1), who complains, what about, and optionally
 * the request whose decision it is about (LET-3).
 */
public record RegisterComplaintCommand(
    DateOrDateTime receivedAt,
    Channel channel,
    Complainant complainant,
    String description,
    String aboutRequestReference) {

  public record Complainant(String name, String email, String postalAddress) {
  }
}
