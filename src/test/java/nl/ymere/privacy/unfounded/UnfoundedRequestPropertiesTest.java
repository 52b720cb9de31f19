package nl.ymere.privacy.unfounded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Period;
import org.camunda.bpm.engine.ProcessEngineException;
import org.junit.jupiter.api.Test;

/** REQ-3: a fee is CONFIGURABLE, DEFAULT none; without one only refusal (or rejecting the proposal) is offered. */
class UnfoundedRequestPropertiesTest {

  @Test
  void offersOnlyRefusalWithoutAConfiguredFee() {
    UnfoundedRequestProperties none = new UnfoundedRequestProperties(null, null);
    assertThat(none.feeOffered()).isFalse();
    assertThat(none.feeResponsePeriod()).isEqualTo(Period.ofMonths(1));
    assertThatThrownBy(() -> none.checkOffered(UnfoundedDecision.FEE)).isInstanceOf(ProcessEngineException.class)
        .hasMessageContaining("geen vergoeding");
    assertThatCode(() -> none.checkOffered(UnfoundedDecision.REFUSE)).doesNotThrowAnyException();
    assertThat(new UnfoundedRequestProperties(BigDecimal.ZERO, null).feeOffered()).isFalse();
  }

  @Test
  void offersTheFeeWhenConfigured() {
    UnfoundedRequestProperties fee = new UnfoundedRequestProperties(new BigDecimal("25.00"), Period.ofDays(14));
    assertThatCode(() -> fee.checkOffered(UnfoundedDecision.FEE)).doesNotThrowAnyException();
    assertThat(fee.feeResponsePeriod()).isEqualTo(Period.ofDays(14));
  }
}
