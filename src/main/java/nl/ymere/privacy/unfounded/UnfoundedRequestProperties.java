package nl.ymere.privacy.unfounded;

import java.math.BigDecimal;
import java.time.Period;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code privacy.unfounded.*} (REQ-3, CONFIGURABLE by the privacy officer).
 *
 * @param feeAmount reasonable fee in euros for a manifestly unfounded or excessive request; DEFAULT none, and then
 *     only refusal can be confirmed
 * @param feeResponsePeriod how long the person has, after the fee notice, to withdraw, pay or narrow (DEFAULT P1M)
 */
@ConfigurationProperties("privacy.unfounded")
record UnfoundedRequestProperties(BigDecimal feeAmount, Period feeResponsePeriod) {

  UnfoundedRequestProperties {
    if (feeAmount != null && feeAmount.signum() <= 0) {
      feeAmount = null;
    }
    feeResponsePeriod = feeResponsePeriod == null ? Period.ofMonths(1) : feeResponsePeriod;
  }

  boolean feeOffered() {
    return feeAmount != null;
  }

  /** Without a configured fee only refusal (or rejecting the proposal) can be chosen. */
  void checkOffered(UnfoundedDecision decision) {
    if (decision == UnfoundedDecision.FEE && !feeOffered()) {
      throw new nl.ymere.privacy.process.RefusedStepException("Er is geen vergoeding ingesteld "
          + "(privacy.unfounded.fee-amount): kies weigeren of wijs het voorstel af.");
    }
  }
}
