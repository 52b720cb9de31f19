package nl.ymere.privacy.mail;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What the recipient of a queued message gets (the dispatcher's view), for tests that follow a one-time link the way
 * the person would: staff-readable rows hold only {@link OneTimeLink#MARKER} (issue 14 finding 6).
 */
@Component
public class RecipientCopiesForTests {

  private final RecipientCopies copies;
  private final OutboxRepository repository;
  private final JdbcTemplate jdbc;

  RecipientCopiesForTests(RecipientCopies copies, OutboxRepository repository, JdbcTemplate jdbc) {
    this.copies = copies;
    this.repository = repository;
    this.jdbc = jdbc;
  }

  /** The recipient's HTML of the latest row of this reference and template. */
  public String latest(String reference, String template) {
    Long id = jdbc.queryForObject("SELECT MAX(id) FROM " + OutboxRepository.TABLE + " WHERE reference = ? AND "
        + "template = ?", Long.class, reference, template);
    return copies.forRecipient(repository.find(id).orElseThrow());
  }
}
