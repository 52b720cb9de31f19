package nl.ymere.privacy.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import javax.sql.DataSource;
import nl.ymere.privacy.process.ProductCalls;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Proves {@link PersonalDataScan} (DESIGN principle 2, SEC-3) on the shared engine: personal data deliberately put
 * into a tiny test-only process is found in every form it takes, and a process holding only references leaves no hit.
 */
@IntegrationTest
class PersonalDataScanTest {

  private static final String PROCESS_KEY = "personal-data-scan-probe";
  private static final String NAME = "Zwaantje Scanproef";
  private static final String EMAIL = "zwaantje.scanproef@example.test";
  private static final String ADDRESS = "Scanpad 7, 1234 AB Proefdorp";
  private static final LocalDate DATE_OF_BIRTH = LocalDate.of(1937, 2, 3);

  @Autowired private DataSource dataSource;
  @Autowired private RepositoryService repositoryService;
  @Autowired private RuntimeService runtimeService;

  private final List<String> deployments = new ArrayList<>();

  @AfterEach
  void removeTestDeployments() {
    deployments.forEach(deployment -> repositoryService.deleteDeployment(deployment, true));
  }

  @Test
  void readsEveryEngineColumnItIsWrittenFor() {
    // a renamed table or column would otherwise be skipped in silence
    assertThat(scan().scannedColumns()).containsExactlyElementsOf(PersonalDataScan.configuredColumns());
  }

  @Test
  void findsPersonalDataPutIntoAProcess() throws IOException {
    VariableMap variables = Variables.createVariables()
        .putValue("reference", NAME) // allow-listed, so it reaches the history tables too
        .putValue("requesterName", NAME)
        .putValue("remark", "geboren op 03-02-1937")
        .putValue("dateOfBirth", Date.from(DATE_OF_BIRTH.atStartOfDay(ZoneId.of("Europe/Amsterdam")).toInstant()))
        .putValue("letter", Variables.byteArrayValue(("Aan: " + ADDRESS).getBytes(StandardCharsets.UTF_8)))
        .putValue("dossier", Variables.byteArrayValue(javaSerialized(DATE_OF_BIRTH)));
    start(EMAIL, variables);

    List<String> hits = scan().hits();

    assertThat(hits).anyMatch(hit -> hit.startsWith("ACT_RU_VARIABLE.TEXT_ row ") && hit.endsWith(": " + NAME));
    assertThat(hits).anyMatch(hit -> hit.startsWith("ACT_HI_VARINST.TEXT_ row ") && hit.endsWith(": " + NAME));
    assertThat(hits).anyMatch(hit -> hit.startsWith("ACT_RU_EXECUTION.BUSINESS_KEY_ row ") && hit.endsWith(EMAIL));
    assertThat(hits).anyMatch(hit -> hit.startsWith("ACT_HI_PROCINST.BUSINESS_KEY_ row ") && hit.endsWith(EMAIL));
    assertThat(hits).anyMatch(hit -> hit.startsWith("ACT_RU_VARIABLE.TEXT_ row ")
        && hit.endsWith(": 03-02-1937 (1937-02-03)"));
    assertThat(hits).anyMatch(hit -> hit.startsWith("ACT_RU_VARIABLE.LONG_ row ")
        && hit.endsWith(": 1937-02-03 (date variable)"));
    assertThat(hits).anyMatch(hit -> hit.startsWith("ACT_RU_VARIABLE.BYTEARRAY_ID_ row ")
        && hit.endsWith(": " + ADDRESS));
    assertThat(hits).anyMatch(hit -> hit.startsWith("ACT_RU_VARIABLE.BYTEARRAY_ID_ row ")
        && hit.endsWith(": 1937-02-03 (serialized date)"));
  }

  @Test
  void matchesCaseInsensitively() {
    start("AVG-2026-000124", Variables.createVariables().putValue("requesterName", NAME.toUpperCase()));

    assertThat(scan().hits()).anyMatch(hit -> hit.startsWith("ACT_RU_VARIABLE.TEXT_ row "));
  }

  @Test
  void referencesOnlyLeaveNoHit() {
    start("AVG-2026-000123", Variables.createVariables()
        .putValue("reference", "AVG-2026-000123")
        .putValue("status", "REGISTERED")
        .putValue("receivedOn", Date.from(LocalDate.of(2026, 1, 5).atStartOfDay(ZoneId.of("Europe/Amsterdam"))
            .toInstant())));

    assertThat(scan().hits()).isEmpty();
  }

  private PersonalDataScan scan() {
    return PersonalDataScan.of(dataSource).text(NAME, EMAIL).postalAddress(ADDRESS).dateOfBirth(DATE_OF_BIRTH);
  }

  private void start(String businessKey, VariableMap variables) {
    BpmnModelInstance probe = Bpmn.createExecutableProcess(PROCESS_KEY)
        .camundaHistoryTimeToLive(1)
        .startEvent()
        .userTask("Task_Wait").name("Wachten")
        .endEvent()
        .done();
    deployments.add(repositoryService.createDeployment()
        .addModelInstance(PROCESS_KEY + ".bpmn", probe)
        .deploy().getId());
    ProductCalls.run(() -> runtimeService.startProcessInstanceByKey(PROCESS_KEY, businessKey, variables));
  }

  private static byte[] javaSerialized(Object value) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(value);
    }
    return bytes.toByteArray();
  }
}
