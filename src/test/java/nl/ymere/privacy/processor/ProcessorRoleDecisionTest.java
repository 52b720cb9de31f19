package nl.ymere.privacy.processor;

import static org.assertj.core.api.Assertions.assertThat;

import nl.ymere.privacy.support.IntegrationTest;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

/** {@code processes/processor-role.dmn} through the engine's DecisionService (issue 7: each role its own path). */
@IntegrationTest
class ProcessorRoleDecisionTest {

  @Autowired DecisionService decisions;

  @ParameterizedTest(name = "instructions={0} decides={1} jointly={2} partner={3} -> {4}")
  @CsvSource({
      "true,  false, false, false, PROCESSOR",
      "false, true,  false, false, INDEPENDENT_CONTROLLER",
      "false, true,  true,  false, JOINT_CONTROLLER",
      "false, false, true,  true,  JOINT_CONTROLLER",
      "false, false, false, true,  COVENANT_PARTNER",
      "false, true,  false, true,  COVENANT_PARTNER",
      "true,  false, false, true,  COVENANT_PARTNER",
      "false, false, false, false, PROCESSOR"})
  void shouldClassifyTheParty(boolean instructions, boolean decides, boolean jointly, boolean partner,
      PartyRole expected) {
    String role = decisions.evaluateDecisionByKey(ProcessorAgreementProcess.ROLE_DECISION_KEY)
        .variables(Variables.createVariables().putValue("actsOnInstructions", instructions)
            .putValue("decidesPurposesAndMeans", decides).putValue("jointlyDetermines", jointly)
            .putValue("publicOrPartnerBody", partner))
        .evaluate().getSingleEntry();
    assertThat(role).isEqualTo(expected.name());
  }
}
