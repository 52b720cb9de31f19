package nl.ymere.privacy.personaldata;

import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;

/** Who reads personal data: the user id and the Camunda groups that decide what they may see (SEC-1). */
public record DataReader(String userId, Set<String> groups) {

  public DataReader {
    if (userId == null || userId.isBlank()) {
      throw new IllegalArgumentException("a reader needs a user id");
    }
    groups = Set.copyOf(groups);
  }

  /**
   * The engine's current authentication (set by Tasklist, /engine-rest and every /api call, DESIGN principle 5).
   *
   * @throws IllegalStateException when nobody is authenticated: personal data is never read anonymously
   */
  public static DataReader current(IdentityService identityService) {
    Authentication authentication = identityService.getCurrentAuthentication();
    if (authentication == null || authentication.getUserId() == null) {
      throw new IllegalStateException("no authenticated user: personal data is only read on behalf of a user");
    }
    List<String> groups = authentication.getGroupIds();
    return new DataReader(authentication.getUserId(), groups == null ? Set.of() : Set.copyOf(groups));
  }

  public boolean inAnyOf(Set<String> allowed) {
    return groups.stream().anyMatch(allowed::contains);
  }
}
