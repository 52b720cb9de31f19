package nl.ymere.privacy.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.LocalDate;
import nl.ymere.privacy.identity.IdentityVerificationProcess;
import nl.ymere.privacy.request.Channel;
import nl.ymere.privacy.request.IdentityStatus;
import nl.ymere.privacy.request.RequestRecord;
import nl.ymere.privacy.request.RequestRecords;
import nl.ymere.privacy.request.RequestRight;
import nl.ymere.privacy.request.RequestStatus;
import nl.ymere.privacy.restriction.RestrictionProcess;
import nl.ymere.privacy.support.IntegrationTest;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;

/**
 * Issue 4, "Done when": in Debian's headless Chromium a tenant files an access request through the public form,
 * and the privacy desk completes the identity task in Tasklist with its Camunda Form (ID-1: known contact details,
 * no document). The engine and the product API then show the task completed by that user and the request in
 * progress. Screenshots of the form, the confirmation, the filled task form and Tasklist afterwards go to
 * {@code target/screenshots/}. Skipped without Chromium and chromedriver, failed then when {@code CI=true}.
 */
@IntegrationTest
@RequiresChromium
class RequestBrowserIT {

  static final String DESK_USER = "desk";
  static final String IDENTITY_TASK_NAME = "Identiteit vaststellen: methode kiezen";

  @RegisterExtension final Screenshots screenshots = new Screenshots();

  @LocalServerPort int port;
  @Autowired TaskService taskService;
  @Autowired HistoryService historyService;
  @Autowired RequestRecords requests;
  @Autowired TestRestTemplate rest;
  @Autowired ObjectMapper json;

  private HeadlessChromium.Session browser;
  private WebDriver driver;
  private WebDriverWait wait;

  @BeforeEach
  void startBrowser() {
    browser = HeadlessChromium.start();
    driver = browser.driver();
    // Tasklist (AngularJS) and form-js re-render parts of the page; a stale element is looked up again.
    wait = new WebDriverWait(driver, Duration.ofSeconds(30));
    wait.ignoring(StaleElementReferenceException.class);
    screenshots.of(driver);
  }

  @AfterEach
  void closeBrowser() {
    if (browser != null) {
      browser.close();
    }
  }

  @Test
  void tenantFilesTheFormAndTheDeskVerifiesIdentityInTasklist() throws Exception {
    // 1. The public form, as a tenant: nothing but the browser, no login (REQ-2).
    long n = System.nanoTime() % 1_000_000;
    String email = "browser" + n + "@voorbeeld.nl";
    PublicRequestFormPage form = PublicRequestFormPage.open(driver, wait, baseUrl())
        // restriction: after identity its sub-process gives the desk the next task, which step 2 waits for
        .right(RequestRight.RESTRICTION.name())
        .requester("Bea Browsertest" + n, email, LocalDate.of(1985, 9, 14))
        .description("Ik wil graag inzage in de gegevens die Ymere over mij heeft.");
    assertThat(form.honeypotEmptyAndHidden()).as("the honeypot is invisible to a person and left empty").isTrue();
    screenshots.takeFullPage("01-public-form-filled");
    String reference = form.submit();
    screenshots.takeFullPage("02-public-form-confirmation");

    assertThat(reference).matches("AVG-\\d{4}-\\d{6}");
    RequestRecord registered = requests.getByReference(reference);
    assertThat(registered.channel()).isEqualTo(Channel.WEB_FORM);
    assertThat(registered.requesterEmail()).isEqualTo(email);
    assertThat(registered.status()).isEqualTo(RequestStatus.AWAITING_IDENTITY);
    Task identityTask = taskService.createTaskQuery().processInstanceBusinessKey(reference)
        .taskDefinitionKey(IdentityVerificationProcess.Elements.CHOOSE_METHOD).singleResult();
    assertThat(identityTask).as("identity task of %s", reference).isNotNull();

    // 2. Tasklist, as the privacy desk: filter, open the request's identity task, claim, fill, complete.
    TasklistPage tasklist = TasklistPage.logIn(driver, wait, baseUrl(), DESK_USER, DESK_USER)
        .chooseFilter("Taken van mijn groepen")
        .openTask(identityTask.getId(), IDENTITY_TASK_NAME)
        .claim();
    CamundaFormPanel taskForm = tasklist.form()
        .select("Field_identityMethod", "Bekende contactgegevens")
        .select("Field_identityBasis", "Bekend e-mailadres")
        .select("Field_identityResult", "Vastgesteld");
    assertThat(taskForm.selected("Field_identityMethod")).isEqualTo("Bekende contactgegevens");
    screenshots.take("03-tasklist-identity-task-filled");
    tasklist.complete(identityTask.getId());
    // The request moves on: its next desk task appears in the same list.
    Task nextStep = taskService.createTaskQuery().processInstanceBusinessKey(reference)
        .taskDefinitionKey(RestrictionProcess.Elements.CHOOSE_ITEMS).singleResult();
    assertThat(nextStep).as("next step of %s", reference).isNotNull();
    tasklist.waitUntilListed(nextStep.getId(), "Items en grond van de beperking kiezen")
        // the shared filters show the case reference on every card: which request this task belongs to
        .waitUntilCardShows(nextStep.getId(), reference);
    screenshots.take("04-tasklist-after-completion");
    // the right's own sub-process (dsr-restriction): its Camunda Form opens for the desk
    tasklist.openTask(nextStep.getId(), "Items en grond van de beperking kiezen");
    screenshots.take("05-tasklist-restriction-task");

    // 3. The engine: the task is completed, by the user logged in to Tasklist (not a form field).
    HistoricTaskInstance done = historyService.createHistoricTaskInstanceQuery().taskId(identityTask.getId())
        .singleResult();
    assertThat(done.getEndTime()).isNotNull();
    assertThat(done.getDeleteReason()).isEqualTo("completed");
    assertThat(done.getAssignee()).isEqualTo(DESK_USER);

    // ... and the product: identity verified (ID-1, no copy asked), request in progress, the method chosen by desk.
    RequestRecord afterwards = requests.getByReference(reference);
    assertThat(afterwards.status()).isEqualTo(RequestStatus.IN_PROGRESS);
    assertThat(afterwards.identityStatus()).isEqualTo(IdentityStatus.VERIFIED);
    ResponseEntity<String> response = rest.withBasicAuth("demo", "demo")
        .getForEntity("/api/requests/" + reference, String.class);
    assertThat(response.getStatusCode().value()).isEqualTo(200);
    JsonNode view = json.readTree(response.getBody());
    assertThat(view.get("status").asText()).isEqualTo("IN_PROGRESS");
    assertThat(view.get("identity").asText()).isEqualTo("VERIFIED");
    assertThat(view.get("events")).anySatisfy(event -> {
      assertThat(event.get("type").asText()).isEqualTo("IDENTITY_METHOD_KNOWN_CONTACT");
      assertThat(event.get("by").asText()).isEqualTo(DESK_USER);
    });
  }

  private String baseUrl() {
    return "http://localhost:" + port;
  }
}
