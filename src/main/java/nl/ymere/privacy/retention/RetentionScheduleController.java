package nl.ymere.privacy.retention;

import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/retention-schedule} (RET-1, issue 17 item 1): every version of every category's entry; privacy
 * officers propose a new version and another officer approves it (four eyes); the FG reads (SecurityConfiguration).
 */
@RestController
@RequestMapping("/api/retention-schedule")
class RetentionScheduleController {

  private final RetentionSchedule schedule;

  RetentionScheduleController(RetentionSchedule schedule) {
    this.schedule = schedule;
  }

  @GetMapping
  List<RetentionSchedule.Entry> all() {
    return schedule.all();
  }

  @GetMapping("/{id}")
  RetentionSchedule.Entry one(@PathVariable long id) {
    return schedule.entry(id);
  }

  @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<RetentionSchedule.Entry> propose(@RequestBody RetentionSchedule.Proposal proposal,
      Authentication authentication) {
    return ResponseEntity.status(HttpStatus.CREATED).body(schedule.propose(proposal, authentication.getName()));
  }

  @PostMapping("/{id}/approve")
  RetentionSchedule.Entry approve(@PathVariable long id, Authentication authentication) {
    return schedule.approve(id, authentication.getName());
  }
}
