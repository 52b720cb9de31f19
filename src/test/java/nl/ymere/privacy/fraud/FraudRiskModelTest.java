package nl.ymere.privacy.fraud;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import nl.ymere.privacy.support.IntegrationTest;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.HitPolicy;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The risk model {@code processes/fraud-risk.dmn} through the engine's decision service: each rule's points and
 * reason, each band's threshold (ADM-3), and the input allow-list (ADM-4).
 */
@IntegrationTest
class FraudRiskModelTest {

  static final Path MODEL = Path.of("processes/fraud-risk.dmn");

  @Autowired DecisionService decisionService;
  @Autowired RepositoryService repositoryService;
  @Autowired FraudRiskModel model;

  private static FraudRiskInputs nothing(SignalSource source) {
    return new FraudRiskInputs(source, false, false, false, false, 0);
  }

  private List<Map<String, Object>> matched(FraudRiskInputs inputs) {
    DmnDecisionResult result = decisionService.evaluateDecisionByKey(FraudSignalProcess.RISK_DECISION)
        .variables(inputs.asVariables()).evaluate();
    return result.getResultList();
  }

  static Stream<Arguments> singleRules() {
    SignalSource utility = SignalSource.UTILITY_USAGE;
    return Stream.of(
        Arguments.of(new FraudRiskInputs(utility, true, false, false, false, 0), 40, "op een ander adres ingeschreven"),
        Arguments.of(new FraudRiskInputs(utility, false, true, false, false, 0), 25, "niet op het huurcontract staan"),
        Arguments.of(new FraudRiskInputs(utility, false, false, true, false, 0), 20, "verbruik is zo laag"),
        Arguments.of(new FraudRiskInputs(utility, false, false, false, true, 0), 30, "voor onderhuur wordt aangeboden"),
        Arguments.of(new FraudRiskInputs(utility, false, false, false, false, 2), 15, "twee of meer onafhankelijke"),
        Arguments.of(nothing(SignalSource.MUNICIPALITY_REGISTRATION_MISMATCH), 10, "gemeentelijke registratie"),
        Arguments.of(nothing(SignalSource.NEIGHBOUR_REPORT), 0, "Eén buurtmelding zonder bevestigende aanwijzing"));
  }

  @ParameterizedTest(name = "{2}: {1} points")
  @MethodSource("singleRules")
  void eachRuleGivesItsPointsAndAPlainLanguageReason(FraudRiskInputs inputs, int points, String reasonPart) {
    List<Map<String, Object>> rules = matched(inputs);
    assertThat(rules).hasSize(1);
    assertThat(((Number) rules.get(0).get("points")).intValue()).isEqualTo(points);
    assertThat((String) rules.get(0).get("reason")).contains(reasonPart);
  }

  @Test
  void noIndicatorFromANonNeighbourSourceMatchesNoRule() {
    assertThat(matched(nothing(SignalSource.INTERNAL_OBSERVATION))).isEmpty();
    assertThat(matched(new FraudRiskInputs(SignalSource.UTILITY_USAGE, false, false, false, false, 1))).isEmpty();
  }

  @Test
  void aNeighbourReportWithAnIndicatorIsNoLongerUnconfirmed() {
    List<Map<String, Object>> rules = matched(new FraudRiskInputs(SignalSource.NEIGHBOUR_REPORT, false, false, true,
        false, 0));
    assertThat(rules).extracting(r -> ((Number) r.get("points")).intValue()).containsExactly(20);
  }

  @Test
  void theCollectTableAddsEveryMatchedRuleAndTheServiceSumsThemIntoTheBand() {
    FraudRiskModel.ModelResult result = model.evaluate(new FraudRiskInputs(
        SignalSource.MUNICIPALITY_REGISTRATION_MISMATCH, true, true, true, true, 3));
    assertThat(result.rules()).extracting(FraudRiskModel.MatchedRule::points).containsExactly(40, 25, 20, 30, 15, 10);
    assertThat(result.score()).isEqualTo(140);
    assertThat(result.band()).isEqualTo("HIGH");
    assertThat(result.decisionKey()).isEqualTo(FraudSignalProcess.RISK_DECISION);
    assertThat(result.versionTag()).isNotBlank();
  }

  @ParameterizedTest(name = "score {0} -> {1}")
  @CsvSource({"0, LOW", "29, LOW", "30, MEDIUM", "59, MEDIUM", "60, HIGH", "140, HIGH"})
  void eachBandHasItsThreshold(int score, String band) {
    Map<String, Object> result = decisionService.evaluateDecisionByKey(FraudSignalProcess.BAND_DECISION)
        .variables(Map.of("score", score)).evaluate().getSingleResult().getEntryMap();
    assertThat(result.get("band")).isEqualTo(band);
    assertThat((String) result.get("bandRule")).contains("punten");
  }

  /** ADM-4: the model reads nothing outside the approved feature list. */
  @Test
  void theModelReadsOnlyAllowListedInputs() {
    assertThat(FraudModelInputs.violations(Dmn.readModelFromFile(MODEL.toFile()))).isEmpty();
    DmnModelInstance dmn = Dmn.readModelFromFile(MODEL.toFile());
    Decision risk = dmn.getModelElementById(FraudSignalProcess.RISK_DECISION);
    DecisionTable table = (DecisionTable) risk.getExpression();
    assertThat(table.getHitPolicy()).isEqualTo(HitPolicy.COLLECT);
    assertThat(table.getAggregation()).isNull();
    assertThat(table.getOutputs()).extracting(o -> o.getName()).containsExactly("points", "reason");
  }

  /** The allow-list check itself: a model that reads nationality or a neighbourhood is caught. */
  @Test
  void theAllowListCheckCatchesAForbiddenInput() {
    String forbidden = new String(readModel()).replace("<text>lowUtilityUsage</text>", "<text>nationality</text>")
        .replace("<text>independentReports</text>", "<text>neighbourhood == \"Noord\"</text>");
    DmnModelInstance dmn = Dmn.readModelFromStream(new java.io.ByteArrayInputStream(forbidden.getBytes(
        java.nio.charset.StandardCharsets.UTF_8)));
    assertThat(FraudModelInputs.violations(dmn)).hasSize(2)
        .anySatisfy(v -> assertThat(v).contains("nationality"))
        .anySatisfy(v -> assertThat(v).contains("neighbourhood"));
  }

  private static byte[] readModel() {
    try {
      return java.nio.file.Files.readAllBytes(MODEL);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
