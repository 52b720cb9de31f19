package nl.ymere.privacy.process;

import java.time.LocalDate;
import java.util.Optional;

/**
 * The deadline a capability keeps in its own tables for the cases of one process (issue 16 item 4: the start notice
 * in Tasklist names it). Declared as a bean by the capability; a process without one has no fixed term (a camera
 * protocol, a processor agreement), and a case may not have it yet (a breach before the FG fixed the moment of
 * awareness, BRE-1). Answers a date only, never data about a person.
 */
public interface CaseDeadline {

  /** The process whose business key is the reference of these cases. */
  String processKey();

  /** The date the case is due (Europe/Amsterdam), or empty when it has none (yet). */
  Optional<LocalDate> dueDate(String reference);

}
