package nl.ymere.privacy.breach;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.ymere.privacy.support.IntegrationTest;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.engine.DecisionService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * {@code processes/breach-risk.dmn} (BRE-3) through the engine's {@link DecisionService}: one test per rule, each
 * changing one input of an exposure of identifiable data and checking exactly the matched reasons and the proposal
 * (the highest level matched, NO_RISK when nothing matched).
 */
@IntegrationTest
class BreachRiskDecisionTest {

  @Autowired DecisionService decisions;

  /** Identifiable contact data of 40 tenants at an unknown recipient, limited consequences. */
  private static Map<String, Object> exposure() {
    Map<String, Object> inputs = new HashMap<>();
    inputs.put("specialCategory", false);
    inputs.put("criminalData", false);
    inputs.put("personsAffected", 40);
    inputs.put("identifiable", true);
    inputs.put("encryptedKeySafe", false);
    inputs.put("recipientTrustedDeleted", false);
    inputs.put("vulnerablePersons", false);
    inputs.put("consequences", "LIMITED");
    return inputs;
  }

  private DmnDecisionResult evaluate(Map<String, Object> inputs) {
    return decisions.evaluateDecisionByKey(BreachProcess.RISK_DECISION).variables(inputs).evaluate();
  }

  private List<String> codes(Map<String, Object> changes) {
    Map<String, Object> inputs = exposure();
    inputs.putAll(changes);
    return evaluate(inputs).collectEntries("reasonCode");
  }

  private String proposal(Map<String, Object> changes) {
    Map<String, Object> inputs = exposure();
    inputs.putAll(changes);
    return BreachRiskModel.proposal("test", evaluate(inputs)).risk().name();
  }

  @Test
  void shouldSeeARiskInIdentifiableDataExposed() {
    assertThat(codes(Map.of())).containsExactly("PERSONAL_DATA_EXPOSED");
    assertThat(proposal(Map.of())).isEqualTo("RISK");
  }

  @Test
  void shouldSeeNoRiskWhenNobodyIsAffected() {
    assertThat(codes(Map.of("personsAffected", 0))).isEmpty();
    assertThat(proposal(Map.of("personsAffected", 0))).isEqualTo("NO_RISK");
  }

  @Test
  void shouldSeeNoRiskInDataEncryptedWithTheKeySafe() {
    Map<String, Object> changes = Map.of("encryptedKeySafe", true, "specialCategory", true);
    assertThat(codes(changes)).containsExactly("ENCRYPTED_KEY_SAFE");
    assertThat(proposal(changes)).isEqualTo("NO_RISK");
  }

  @Test
  void shouldSeeNoRiskInDataThatIdentifyNobody() {
    assertThat(codes(Map.of("identifiable", false))).containsExactly("NOT_IDENTIFIABLE");
    assertThat(proposal(Map.of("identifiable", false))).isEqualTo("NO_RISK");
  }

  @Test
  void shouldSeeNoRiskWhenATrustedRecipientConfirmedDeletion() {
    assertThat(codes(Map.of("recipientTrustedDeleted", true))).containsExactly("TRUSTED_RECIPIENT_DELETED");
    assertThat(proposal(Map.of("recipientTrustedDeleted", true))).isEqualTo("NO_RISK");
  }

  @Test
  void shouldSeeAHighRiskInSpecialCategoryData() {
    assertThat(codes(Map.of("specialCategory", true))).containsExactly("PERSONAL_DATA_EXPOSED", "SPECIAL_CATEGORY");
    assertThat(proposal(Map.of("specialCategory", true))).isEqualTo("HIGH_RISK");
  }

  @Test
  void shouldSeeAHighRiskInCriminalData() {
    assertThat(codes(Map.of("criminalData", true))).containsExactly("PERSONAL_DATA_EXPOSED", "CRIMINAL_DATA");
    assertThat(proposal(Map.of("criminalData", true))).isEqualTo("HIGH_RISK");
  }

  @Test
  void shouldSeeAHighRiskForVulnerablePersons() {
    assertThat(codes(Map.of("vulnerablePersons", true))).containsExactly("PERSONAL_DATA_EXPOSED",
        "VULNERABLE_PERSONS");
    assertThat(proposal(Map.of("vulnerablePersons", true))).isEqualTo("HIGH_RISK");
  }

  @Test
  void shouldSeeAHighRiskFromAThousandPersonsOn() {
    assertThat(codes(Map.of("personsAffected", 999))).containsExactly("PERSONAL_DATA_EXPOSED");
    assertThat(codes(Map.of("personsAffected", 1000))).containsExactly("PERSONAL_DATA_EXPOSED", "LARGE_SCALE");
    assertThat(proposal(Map.of("personsAffected", 1000))).isEqualTo("HIGH_RISK");
  }

  @Test
  void shouldSeeAHighRiskInSevereConsequences() {
    assertThat(codes(Map.of("consequences", "SEVERE"))).containsExactly("PERSONAL_DATA_EXPOSED",
        "SEVERE_CONSEQUENCES");
    assertThat(proposal(Map.of("consequences", "SEVERE"))).isEqualTo("HIGH_RISK");
  }

  @Test
  void shouldSeeARiskInSignificantConsequences() {
    assertThat(codes(Map.of("consequences", "SIGNIFICANT", "personsAffected", 0)))
        .containsExactly("SIGNIFICANT_CONSEQUENCES");
    assertThat(proposal(Map.of("consequences", "SIGNIFICANT", "personsAffected", 0))).isEqualTo("RISK");
  }

  @Test
  void shouldGiveEveryMatchedRuleAPlainLanguageReason() {
    Map<String, Object> inputs = exposure();
    inputs.putAll(Map.of("specialCategory", true, "criminalData", true, "vulnerablePersons", true,
        "personsAffected", 5000, "consequences", "SEVERE"));
    BreachRiskModel.Proposal proposal = BreachRiskModel.proposal("test", evaluate(inputs));
    assertThat(proposal.reasons()).hasSize(6).allSatisfy(r -> assertThat(r.reason()).isNotBlank().endsWith("."));
    assertThat(proposal.risk()).isEqualTo(BreachCodes.Risk.HIGH_RISK);
  }
}
