package nl.ymere.privacy.camera;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import nl.ymere.privacy.camera.CameraCodes.ApCategory;
import nl.ymere.privacy.camera.CameraCodes.Wp248Criterion;
import nl.ymere.privacy.support.IntegrationTest;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.engine.DecisionService;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * {@code processes/dpia-screening.dmn} (CAM-2) through the engine's {@link DecisionService}: every one of the AP's 17
 * categories alone requires a DPIA, every WP248 criterion alone leaves it to the FG, two criteria require one, an
 * Art 35(3) case requires one, nothing means no DPIA; the COLLECT tables return exactly the matched reasons.
 */
@IntegrationTest
class DpiaScreeningDecisionTest {

  @Autowired DecisionService decisions;

  private DmnDecisionResult evaluate(String key, List<String> ap, List<String> wp, boolean art35) {
    return decisions.evaluateDecisionByKey(key)
        .variables(Map.of("apCategories", ap, "wp248Criteria", wp, "art35Case", art35)).evaluate();
  }

  private String outcome(List<String> ap, List<String> wp, boolean art35) {
    return evaluate(CameraProtocolProcess.DPIA_DECISION, ap, wp, art35).getSingleEntry();
  }

  @ParameterizedTest
  @EnumSource(ApCategory.class)
  void shouldRequireADpiaForEachApCategoryAlone(ApCategory category) {
    assertThat(outcome(List.of(category.name()), List.of(), false)).isEqualTo("REQUIRED");
    List<String> matched = evaluate(CameraProtocolProcess.DPIA_AP_DECISION, List.of(category.name()), List.of(), false)
        .collectEntries("apCategory");
    assertThat(matched).containsExactly(category.name());
  }

  @ParameterizedTest
  @EnumSource(Wp248Criterion.class)
  void shouldLeaveItToTheFgForEachWp248CriterionAlone(Wp248Criterion criterion) {
    assertThat(outcome(List.of(), List.of(criterion.name()), false)).isEqualTo("FG_DECIDES");
    List<String> matched = evaluate(CameraProtocolProcess.DPIA_WP248_DECISION, List.of(), List.of(criterion.name()),
        false).collectEntries("wp248Criterion");
    assertThat(matched).containsExactly(criterion.name());
  }

  @Test
  void shouldRequireADpiaForTwoCriteria() {
    assertThat(outcome(List.of(), List.of("SYSTEMATIC_MONITORING", "VULNERABLE_SUBJECTS"), false))
        .isEqualTo("REQUIRED");
    assertThat(outcome(List.of(), List.of("LARGE_SCALE", "SENSITIVE_DATA", "MATCHING_DATASETS"), false))
        .isEqualTo("REQUIRED");
  }

  @Test
  void shouldRequireADpiaForAnArt35ThreeCase() {
    assertThat(outcome(List.of(), List.of(), true)).isEqualTo("REQUIRED");
    assertThat(outcome(List.of(), List.of("LARGE_SCALE"), true)).isEqualTo("REQUIRED");
  }

  @Test
  void shouldNotRequireADpiaWhenNothingApplies() {
    assertThat(outcome(List.of(), List.of(), false)).isEqualTo("NOT_REQUIRED");
  }

  @Test
  void shouldCollectEveryMatchedCategoryAndIgnoreUnknownCodes() {
    List<String> matched = evaluate(CameraProtocolProcess.DPIA_AP_DECISION,
        List.of("BIOMETRICS", "NOT_A_CATEGORY", "PROFILING"), List.of(), false).collectEntries("apCategory");
    assertThat(matched).containsExactlyInAnyOrder("BIOMETRICS", "PROFILING");
    assertThat(ApCategory.values()).hasSize(17);
    assertThat(Wp248Criterion.values()).hasSize(9);
  }
}
