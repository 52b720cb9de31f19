package nl.ymere.privacy.request;

import java.time.LocalDate;
import nl.ymere.privacy.web.DateOrDateTime;

/**
 * Input of {@code POST /api/requests} (DESIGN.md "The product API"), plus the optional {@code objectionScope} of an
 * objection (issue 5 item 6; OBJ-1, OBJ-2): DESIGN.md's fields work exactly as written without it.
 */
public record RegisterRequestCommand(
    RequestRight right,
    DateOrDateTime receivedAt,
    Channel channel,
    Person requester,
    Person dataSubject,
    Representation representation,
    String description,
    String language,
    ObjectionScope objectionScope) {

  /** The DESIGN.md fields only: no objection scope (the desk records it when the request is an objection). */
  public RegisterRequestCommand(RequestRight right, DateOrDateTime receivedAt, Channel channel, Person requester,
      Person dataSubject, Representation representation, String description, String language) {
    this(right, receivedAt, channel, requester, dataSubject, representation, description, language, null);
  }

  /** A requester or data subject; {@code email} and {@code postalAddress} only for the requester. */
  public record Person(String name, String email, String postalAddress, LocalDate dateOfBirth) {
  }
}
