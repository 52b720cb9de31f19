package nl.ymere.privacy.process;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

/**
 * The name of a person of staff as the workbench and the review screens show it (issue 16): first and last name from
 * the engine's identity service instead of a login id ("Daan Balie", not "desk") wherever a task's assignee, a
 * decider, an approver or whoever did a step is named. An id that is no user (the system, the public form) or a user
 * without a name is shown as it is. Templates use it as {@code ${@staffNames.of(id)}}.
 *
 * <p>Colleagues' names are read as the system: an employee may not list users in the engine, but sees who did a
 * step of a case they may see. Names are kept for a minute, so an overview of a hundred rows asks once per person.
 */
@Component("staffNames")
public class StaffNames {

  private static final Duration KEPT = Duration.ofMinutes(1);

  private record Known(String name, Instant until) {
  }

  private final IdentityService identityService;
  private final SystemActions system;
  private final Map<String, Known> known = new ConcurrentHashMap<>();

  StaffNames(IdentityService identityService, SystemActions system) {
    this.identityService = identityService;
    this.system = system;
  }

  /** "First Last" of the user, or the id itself when there is no such user or no name; null for null. */
  public String of(String userId) {
    if (userId == null || userId.isBlank()) {
      return userId;
    }
    Instant now = Instant.now();
    Known cached = known.get(userId);
    if (cached != null && cached.until().isAfter(now)) {
      return cached.name();
    }
    User user = system.call(() -> identityService.createUserQuery().userId(userId).singleResult());
    String name = user == null ? userId : fullName(user, userId);
    if (known.size() > 1_000) {
      known.clear();
    }
    known.put(userId, new Known(name, now.plus(KEPT)));
    return name;
  }

  /** The names of several users, comma-separated, each once. */
  public String of(Collection<String> userIds) {
    return userIds.stream().filter(id -> id != null && !id.isBlank()).distinct().map(this::of)
        .collect(Collectors.joining(", "));
  }

  private static String fullName(User user, String userId) {
    String name = ((user.getFirstName() == null ? "" : user.getFirstName()) + " "
        + (user.getLastName() == null ? "" : user.getLastName())).strip();
    return name.isEmpty() ? userId : name;
  }
}
