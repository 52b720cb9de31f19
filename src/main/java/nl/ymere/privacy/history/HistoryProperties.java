package nl.ymere.privacy.history;

import java.util.List;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code privacy.history.*}: which process variables the engine history may record (DESIGN principle 2, SEC-3).
 *
 * @param variableAllowList exact, case-sensitive names of variables that never hold personal data (references,
 *     codes, decisions, dates about the case). Every other variable lives only at runtime and leaves no value in
 *     ACT_HI_VARINST or ACT_HI_DETAIL.
 */
@ConfigurationProperties("privacy.history")
record HistoryProperties(List<String> variableAllowList) {

  Set<String> allowedVariableNames() {
    return variableAllowList == null ? Set.of() : Set.copyOf(variableAllowList);
  }
}
