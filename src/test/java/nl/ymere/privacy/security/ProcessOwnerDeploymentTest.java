package nl.ymere.privacy.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import nl.ymere.privacy.support.IntegrationTest;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * Issue 16 item 6: the process owner deploys an edited diagram from the Camunda Modeler, which posts it to
 * {@code /engine-rest/deployment/create} with HTTP Basic (DESIGN "Who uses it"). The demo user {@code owner} (group
 * {@code process-owners}, CREATE on deployments) may; the privacy desk may not.
 */
@IntegrationTest
class ProcessOwnerDeploymentTest {

  static final String KEY = "process-owner-deploy-probe";
  static final String DIAGRAM = """
      <?xml version="1.0" encoding="UTF-8"?>
      <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
          xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Definitions_Probe"
          targetNamespace="http://bpmn.io/schema/bpmn">
        <bpmn:process id="%s" name="Proef van de proceseigenaar" isExecutable="true"
            camunda:historyTimeToLive="P1D" camunda:versionTag="1.0">
          <bpmn:startEvent id="StartEvent_Probe" />
        </bpmn:process>
      </bpmn:definitions>
      """.formatted(KEY);

  @Autowired TestRestTemplate rest;
  @Autowired RepositoryService repositoryService;
  @Autowired ObjectMapper json;

  @AfterEach
  void removeTheProbe() {
    for (Deployment deployment : repositoryService.createDeploymentQuery().deploymentName(KEY).list()) {
      repositoryService.deleteDeployment(deployment.getId(), true);
    }
  }

  @Test
  void theProcessOwnerDeploysFromTheModelerAndTheDeskMayNot() throws Exception {
    ResponseEntity<String> byDesk = deployAs("desk");
    assertThat(byDesk.getStatusCode().value()).isEqualTo(403);
    assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey(KEY).count()).isZero();

    ResponseEntity<String> byOwner = deployAs("owner");
    assertThat(byOwner.getStatusCode().value()).as(byOwner.getBody()).isEqualTo(200);
    String deploymentId = json.readTree(byOwner.getBody()).get("id").asText();
    assertThat(repositoryService.createProcessDefinitionQuery().deploymentId(deploymentId)
        .processDefinitionKey(KEY).singleResult()).isNotNull();
  }

  private ResponseEntity<String> deployAs(String user) {
    MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
    parts.add("deployment-name", KEY);
    parts.add("deploy-changed-only", "true");
    parts.add("data", new ByteArrayResource(DIAGRAM.getBytes(StandardCharsets.UTF_8)) {
      @Override
      public String getFilename() {
        return KEY + ".bpmn";
      }
    });
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    return rest.withBasicAuth(user, user)
        .postForEntity("/engine-rest/deployment/create", new HttpEntity<>(parts, headers), String.class);
  }
}
