package nl.ymere.privacy.request;

import java.time.LocalDate;

/**
 * The public form's kind "klacht over privacy" (issue 19, CMP-1): the form at {@code /verzoek} takes a complaint with
 * the same protections as a request (CSRF, honeypot, per-address limit) and hands it to the complaint capability,
 * which implements this interface (so the request capability does not depend on it). Validation problems come back
 * as an {@link nl.ymere.privacy.web.ApiValidationException} with the API's field names ({@code complainant.name},
 * {@code complainant.email}, {@code complainant.postalAddress}, {@code description}); nothing is stored then.
 */
public interface PublicComplaintIntake {

  /** The value of the form's {@code right} select that files a complaint instead of a request. */
  String KIND = "COMPLAINT";

  record Filed(String reference, LocalDate dueDate, boolean acknowledgedByEmail) {
  }

  Filed file(String name, String email, String postalAddress, String description, String registeredBy);
}
