package nl.ymere.privacy.request;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code privacy.request.right-processes}: the called sub-process ({@code dsr-<right>}) that fulfils each right. A right
 * without an entry is answered through the generic "decide and answer" task of {@code data-subject-request}.
 */
@ConfigurationProperties("privacy.request")
public record RightProcessProperties(Map<RequestRight, String> rightProcesses) {

  public RightProcessProperties {
    rightProcesses = rightProcesses == null ? Map.of() : Map.copyOf(rightProcesses);
  }

  /** The process key for the right, or null for the generic path. */
  public String processFor(RequestRight right) {
    return rightProcesses.get(right);
  }
}
