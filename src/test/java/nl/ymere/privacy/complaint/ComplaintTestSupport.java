package nl.ymere.privacy.complaint;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import nl.ymere.privacy.request.Channel;
import nl.ymere.privacy.request.RequestTestSupport;
import nl.ymere.privacy.web.DateOrDateTime;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Drives privacy complaints as named users with the engine clock moved (on top of RequestTestSupport). */
@Component
public class ComplaintTestSupport {

  @Autowired ComplaintRegistration registration;
  @Autowired ComplaintService complaints;
  @Autowired RequestTestSupport requests;
  @Autowired JdbcTemplate jdbc;

  public static RegisterComplaintCommand complaint(LocalDate receivedOn, String name, String email, String text) {
    return new RegisterComplaintCommand(DateOrDateTime.of(receivedOn), Channel.EMAIL,
        new RegisterComplaintCommand.Complainant(name, email, null), text, null);
  }

  public Complaint register(String user, RegisterComplaintCommand command) {
    return requests.as(user, () -> registration.register(command, user));
  }

  public Complaint complaint(String reference) {
    return complaints.find(reference).orElseThrow();
  }

  public List<Map<String, Object>> outbox(String reference) {
    return requests.outbox(reference);
  }

  public List<String> eventTypes(String reference) {
    return jdbc.queryForList("SELECT e.event_type FROM privacy.complaint_event e JOIN privacy.complaint c "
        + "ON c.id = e.complaint_id WHERE c.reference = ? ORDER BY e.id", String.class, reference);
  }

  public List<Map<String, Object>> links(String reference) {
    return jdbc.queryForList("SELECT l.link_kind, l.linked_reference, l.linked_by FROM privacy.complaint_link l "
        + "JOIN privacy.complaint c ON c.id = l.complaint_id WHERE c.reference = ? ORDER BY l.id", reference);
  }
}
