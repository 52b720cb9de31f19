package nl.ymere.privacy.fraud;

import java.util.List;
import org.springframework.stereotype.Service;

/**
 * Which fraud-signal files concern a tenancy, for other capabilities (an erasure removes their engine history, ERA-5,
 * RET-6). References only; the signal data stay in this package.
 */
@Service
public class FraudSignalFiles {

  private final FraudSignalRepository signals;

  FraudSignalFiles(FraudSignalRepository signals) {
    this.signals = signals;
  }

  /** The references (process business keys) of the signals about this tenancy number. */
  public List<String> referencesForTenancy(String tenancyNumber) {
    if (tenancyNumber == null || tenancyNumber.isBlank()) {
      return List.of();
    }
    return signals.referencesForTenancy(tenancyNumber.strip());
  }
}
