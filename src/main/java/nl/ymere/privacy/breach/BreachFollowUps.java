package nl.ymere.privacy.breach;

import org.springframework.stereotype.Component;

/**
 * The owner of the agreement a late processor report is linked to (PRC-2): the assignee of the follow-up task, called
 * by the diagram as {@code ${breachFollowUps.ownerOf(reference)}}. Read from {@code privacy.breach}, which copied it
 * from the processor register when the report came in; null leaves the task to its candidate groups.
 */
@Component("breachFollowUps")
public class BreachFollowUps {

  private final BreachRepository breaches;

  BreachFollowUps(BreachRepository breaches) {
    this.breaches = breaches;
  }

  public String ownerOf(String reference) {
    Breach breach = breaches.getByReference(reference);
    return (String) breaches.processorLink(breach.id()).get("follow_up_owner");
  }
}
