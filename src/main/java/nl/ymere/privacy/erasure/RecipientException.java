package nl.ymere.privacy.erasure;

/**
 * REQ-6, Art 19: a recipient of erased data who is not told of the erasure, because that proves impossible or would
 * take a disproportionate effort, with the handler's recorded reason. Named in the letter (LET-5).
 */
public record RecipientException(String recipient, Ground ground, String reason) {

  /** The two grounds Art 19 allows for not telling a recipient. */
  public enum Ground {
    IMPOSSIBLE("onmogelijk", "impossible"),
    DISPROPORTIONATE("onevenredig veel moeite", "a disproportionate effort");

    private final String dutch;
    private final String english;

    Ground(String dutch, String english) {
      this.dutch = dutch;
      this.english = english;
    }

    public String dutch() {
      return dutch;
    }

    public String english() {
      return english;
    }
  }
}
