package nl.ymere.privacy.request;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import nl.ymere.privacy.web.IsoDates;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Records the check of a representative's authority (REP-3, REP-4, REP-5): evidence type and date, checker, result.
 * The proof itself is treated like an ID copy: checked, recorded, not kept.
 */
@Service
class RepresentationChecks {

  private final JdbcTemplate jdbc;
  private final RequestRepository requests;
  private final Clock clock;

  RepresentationChecks(JdbcTemplate jdbc, RequestRepository requests, Clock clock) {
    this.jdbc = jdbc;
    this.requests = requests;
    this.clock = clock;
  }

  /** REP-3: curatele or mentorschap came to light later; the request is now handled through the representative. */
  void discovered(String reference, Representation representation, String user) {
    RequestRecord request = requests.getByReference(reference);
    requests.updateRepresentation(request.id(), representation);
    requests.addEvent(request.id(), clock.instant(), "REPRESENTATION_DISCOVERED_" + representation.name(), user);
  }

  void record(String reference, String evidenceType, String evidenceDate, boolean proven, String note, String user) {
    RequestRecord request = requests.getByReference(reference);
    LocalDate date = evidenceDate == null ? null : IsoDates.parseDate("evidenceDate", evidenceDate.substring(0,
        Math.min(10, evidenceDate.length())));
    jdbc.update("INSERT INTO privacy.representation_check (request_id, representation, evidence_type, evidence_date, "
            + "result, checked_by, checked_at) VALUES (?,?,?,?,?,?,?)", request.id(),
        request.representation().name(), evidenceType, date, proven ? "ACCEPTED" : "REJECTED", user,
        clock.instant().atOffset(ZoneOffset.UTC));
    if (note != null) {
      requests.addNote(request.id(), RequestNotes.REPRESENTATION_NOTE, note, user, clock.instant());
    }
    requests.addEvent(request.id(), clock.instant(), proven ? "AUTHORITY_ACCEPTED" : "AUTHORITY_REJECTED", user);
  }
}
