package nl.ymere.privacy.workbench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import nl.ymere.privacy.camera.CameraCodes;
import nl.ymere.privacy.fraud.SignalSource;
import nl.ymere.privacy.fraud.SignalStatus;
import nl.ymere.privacy.processor.AgreementStatus;
import nl.ymere.privacy.processor.PartyRole;
import nl.ymere.privacy.processor.TransferZone;
import org.junit.jupiter.api.Test;

/**
 * Issue 16 item 2: the case panels beside a task show Dutch words, never the codes the tables keep
 * (FG_ADVICE_POSITIVE, NOT_REQUIRED, AP_CATEGORY:BIOMETRICS).
 */
class CaseLabelsTest {

  @Test
  void everyCodeOfACameraAgreementOrFraudCaseHasADutchWord() {
    List<Enum<?>> codes = Stream.<Enum<?>[]>of(CameraCodes.LocationType.values(), CameraCodes.AreaType.values(),
            CameraCodes.Purpose.values(), CameraCodes.Status.values(), CameraCodes.RefusalReason.values(),
            CameraCodes.ReevaluationOutcome.values(), CameraCodes.SupervisorAnswer.values(),
            CameraCodes.ResidualRisk.values(), CameraCodes.DpiaOutcome.values(), AgreementStatus.values(),
            PartyRole.values(), TransferZone.values(), SignalSource.values(), SignalStatus.values())
        .flatMap(Arrays::stream).toList();
    assertThat(codes).allSatisfy(code -> assertThat(CaseLabels.of(code.name()))
        .as(code.getDeclaringClass().getSimpleName() + "." + code.name())
        .isNotEqualTo(CaseLabels.readable(code.name())).doesNotContain("_"));
  }

  @Test
  void theFgAdviceAndTheDpiaOutcomeReadAsAManagerExpects() {
    assertThat(CaseLabels.of("POSITIVE_WITH_CONDITIONS")).isEqualTo("Positief onder voorwaarden");
    assertThat(CaseLabels.of("NOT_REQUIRED")).isEqualTo("Geen DPIA nodig");
    assertThat(CaseLabels.step("FG_ADVICE")).isEqualTo("FG-advies over de afweging");
    assertThat(CaseLabels.step("FG_ADVICE_POSITIVE_WITH_CONDITIONS"))
        .isEqualTo("FG-advies: positief onder voorwaarden");
    assertThat(CaseLabels.step("FG_DPIA_ADVICE_NEGATIVE")).isEqualTo("FG-advies over de DPIA: negatief");
    assertThat(CaseLabels.step("DPIA_SCREENED_NOT_REQUIRED")).isEqualTo("DPIA-screening: geen DPIA nodig");
    assertThat(CaseLabels.noteCode("BALANCING", "NS-"))
        .isEqualTo("noodzaak aangetoond, subsidiariteit aangetoond, belang weegt niet zwaarder");
  }

  /** The FG's advice on an AP inquiry's answer (CMP-4) in the words of its form, as a value and as a step. */
  @Test
  void theFgAdviceOnAnApInquiryReadsInDutch() {
    assertThat(CaseLabels.of("AGREE")).isEqualTo("eens");
    assertThat(CaseLabels.of("AGREE_WITH_REMARKS")).isEqualTo("eens met opmerkingen");
    assertThat(CaseLabels.of("DISAGREE")).isEqualTo("oneens");
    assertThat(CaseLabels.step("FG_ADVICE_AGREE_WITH_REMARKS")).isEqualTo("FG-advies: eens met opmerkingen");
  }

  @Test
  void everyDpiaScreeningReasonHasItsFormWords() {
    assertThat(Arrays.stream(CameraCodes.ApCategory.values()).map(c -> CaseLabels.dpiaReason("AP_CATEGORY:" + c)))
        .allSatisfy(words -> assertThat(words).startsWith("AP-lijst: ").doesNotContain("_"));
    assertThat(Arrays.stream(CameraCodes.Wp248Criterion.values()).map(c -> CaseLabels.dpiaReason("WP248:" + c)))
        .allSatisfy(words -> assertThat(words).startsWith("WP248: ").doesNotContain("_"));
    assertThat(CaseLabels.dpiaReasons(List.of("AP_CATEGORY:BIOMETRICS", "ART35_3:ART35_3")))
        .isEqualTo("AP-lijst: Biometrische gegevens; Geval van art. 35 lid 3 AVG");
    assertThat(CaseLabels.dpiaReasons(List.of())).isEqualTo("—");
  }

  @Test
  void anUnknownCodeIsShownReadableNeverRaw() {
    assertThat(CaseLabels.of("SOME_NEW_CODE")).isEqualTo("Some new code");
    assertThat(CaseLabels.step("SOMETHING_HAPPENED")).isEqualTo("Something happened");
    assertThat(CaseLabels.of(null)).isEmpty();
  }
}
