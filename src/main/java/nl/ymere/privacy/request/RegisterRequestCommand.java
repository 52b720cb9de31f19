package nl.ymere.privacy.request;

import java.time.LocalDate;
import nl.ymere.privacy.web.DateOrDateTime;

/** Input of {@code POST /api/requests} (DESIGN.md "The product API"). */
public record RegisterRequestCommand(
    RequestRight right,
    DateOrDateTime receivedAt,
    Channel channel,
    Person requester,
    Person dataSubject,
    Representation representation,
    String description,
    String language) {

  /** A requester or data subject; {@code email} and {@code postalAddress} only for the requester. */
  public record Person(String name, String email, String postalAddress, LocalDate dateOfBirth) {
  }
}
