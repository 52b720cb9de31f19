package nl.ymere.privacy.workbench;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import nl.ymere.privacy.complaint.Complaint;
import nl.ymere.privacy.complaint.ComplaintCases;
import nl.ymere.privacy.complaint.ComplaintCases.ComplaintCase;
import nl.ymere.privacy.complaint.ComplaintService;
import nl.ymere.privacy.mail.Channel;
import nl.ymere.privacy.mail.OutboxMessage;
import nl.ymere.privacy.mail.OutboxService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The page of one privacy complaint (issue 16 item 3): its facts, how close the answer's due date is, the timeline of
 * its steps and letters, and its open tasks. Read from the product's tables at view time (DESIGN principles 2, 10).
 */
@Service
public class ComplaintPages {

  /** A complaint as its page shows it. */
  public record ComplaintPage(ComplaintCase complaint, ComplaintRow row, List<RequestCase.TimelineEntry> timeline) {
  }

  private final ComplaintService complaints;
  private final ComplaintCases cases;
  private final ComplaintOverview overview;
  private final OpenTasks openTasks;
  private final OutboxService outbox;

  ComplaintPages(ComplaintService complaints, ComplaintCases cases, ComplaintOverview overview, OpenTasks openTasks,
      OutboxService outbox) {
    this.complaints = complaints;
    this.cases = cases;
    this.overview = overview;
    this.openTasks = openTasks;
    this.outbox = outbox;
  }

  @Transactional(readOnly = true)
  public Optional<ComplaintPage> find(String reference) {
    Optional<Complaint> found = complaints.find(reference);
    Optional<ComplaintCase> kase = cases.find(reference);
    if (found.isEmpty() || kase.isEmpty()) {
      return Optional.empty();
    }
    ComplaintRow row = overview.row(found.get(), overview.today(), openTasks.of(reference));
    return Optional.of(new ComplaintPage(kase.get(), row, timeline(kase.get())));
  }

  /** The complaint's steps and its letters and e-mails in one timeline, oldest first. */
  private List<RequestCase.TimelineEntry> timeline(ComplaintCase complaint) {
    List<RequestCase.TimelineEntry> entries = new ArrayList<>();
    for (ComplaintService.ComplaintEvent event : complaint.events()) {
      entries.add(new RequestCase.TimelineEntry(event.at(), RegisterLabels.complaintStep(event.type()), event.by(),
          event.note(), null));
    }
    for (OutboxMessage message : outbox.findByReference(complaint.reference())) {
      entries.add(new RequestCase.TimelineEntry(message.createdAt(), (message.channel() == Channel.EMAIL
          ? "E-mail: " : "Brief: ") + RegisterLabels.letter(message.template()), null,
          message.sentAt() == null ? "nog niet verstuurd" : "verstuurd", null));
    }
    entries.sort(Comparator.comparing(RequestCase.TimelineEntry::at));
    return entries;
  }
}
