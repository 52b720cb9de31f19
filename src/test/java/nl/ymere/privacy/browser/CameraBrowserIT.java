package nl.ymere.privacy.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import nl.ymere.privacy.camera.CameraProtocolProcess.Elements;
import nl.ymere.privacy.support.IntegrationTest;
import nl.ymere.privacy.support.PersonalDataScan;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 16, "Done when" (camera): in headless Chromium a facility employee starts a camera protocol from Tasklist's
 * "Proces starten" with its start form (CAM-1), weighs the legitimate interest; the FG advises (CAM-4: advises, never
 * decides); a privacy officer fills in the DPIA screening (CAM-2, no criterion: no DPIA); the management approval
 * (four eyes, CAM-4) shows on its "Zaak" tab the FG's advice and the DPIA outcome in Dutch, and the manager approves.
 * Every step is done in Tasklist with its Camunda Form; each task's case tab is read. The test makes no REST call.
 * Screenshots of every screen go to {@code target/screenshots/camera/}; afterwards none of the request's free text is
 * in the engine's tables (DESIGN principle 2).
 */
@IntegrationTest
@RequiresChromium
class CameraBrowserIT {

  static final Pattern REFERENCE = Pattern.compile("CAM-\\d{4}-\\d{6}");

  @RegisterExtension final Screenshots screenshots = new Screenshots("camera");

  @LocalServerPort int port;
  @Autowired TaskService taskService;
  @Autowired HistoryService historyService;
  @Autowired JdbcTemplate jdbc;
  @Autowired DataSource dataSource;

  private HeadlessChromium.Session browser;
  private WebDriver driver;
  private WebDriverWait wait;
  private final String marker = "B" + System.nanoTime() % 1_000_000;

  @BeforeEach
  void startBrowser() {
    browser = HeadlessChromium.start();
    driver = browser.driver();
    // generous: Tasklist's first load takes long on a shared 2-core machine under load (a wait, not a threshold)
    wait = new WebDriverWait(driver, Duration.ofSeconds(120));
    wait.ignoring(StaleElementReferenceException.class);
    screenshots.of(driver);
  }

  @AfterEach
  void closeBrowserAndScanTheEngine() {
    if (browser != null) {
      browser.close();
    }
    assertThat(PersonalDataScan.of(dataSource).text(locationName(), "Lindelaan 7-41 " + marker,
        "Fietsen gestolen uit de bergingen " + marker, "Inbraak 4 januari " + marker, "Extra sloten " + marker,
        "Alleen de gang " + marker, "Inbraken wegen zwaarder " + marker, "Akkoord mits beeldveld " + marker,
        "Akkoord, eerst borden " + marker).hits()).isEmpty();
  }

  @Test
  void facilityFgOfficerAndManagerTakeACameraFromRequestToApprovalInTasklist() {
    // 1. facility starts the protocol from Tasklist (CAM-1); the notification names the new reference
    TasklistPage tasklist = TasklistPage.logIn(driver, wait, baseUrl(), "facility", "facility")
        .startProcess("Cameraprotocol");
    // form-js's own English placeholder of an empty select reads Dutch (issue 16 item 4)
    CamundaFormPanel startForm = tasklist.form();
    wait.until(ignored -> "Kies…".equals(startForm.selected("Field_locationType")));
    tasklist.form()
        .select("Field_locationType", "Wooncomplex")
        .type("Field_locationName", locationName())
        .type("Field_locationAddress", "Lindelaan 7-41 " + marker)
        .select("Field_areaType", "Bergingen")
        .select("Field_purpose", "Bescherming eigendom")
        .type("Field_problem", "Fietsen gestolen uit de bergingen " + marker)
        .type("Field_incidents", "Inbraak 4 januari " + marker + " (melding PL-2026-004)")
        .type("Field_milderMeasures", "Extra sloten " + marker + " en verlichting")
        .type("Field_fieldOfView", "Alleen de gang " + marker + " van de bergingen")
        .check("Field_fieldOfViewConfirmed");
    screenshots.takeFullPage("01-facility-start-form");
    tasklist.submitStart();
    // the protocol the start form registered (CAM-1): its reference is the process's business key
    String reference = wait.until(ignored -> jdbc.queryForList(
        "SELECT reference FROM privacy.camera_protocol WHERE location_name = ?", String.class, locationName())
        .stream().findFirst().orElse(null));
    assertThat(reference).matches(REFERENCE);
    // the start notice (start-melding.js) names the new reference, the kind and that a camera protocol has no fixed
    // term, read from GET /api/cases/{reference} (the old lookup on /api/requests answered 403 to facility)
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "Referentie " + reference));
    assertThat(driver.findElement(By.tagName("body")).getText())
        .contains("Cameraprotocol gestart", "Referentie " + reference + " \u00b7 geen vaste termijn");
    screenshots.take("02-facility-started");

    // 2. facility weighs the legitimate interest; the case tab shows the request in the requester's words
    tasklist.chooseFilter("Taken van mijn groepen");
    Task assess = task(reference, Elements.ASSESS_LEGITIMATE_INTEREST);
    String assessCase = tasklist.waitUntilListed(assess.getId(), "Gerechtvaardigd belang afwegen")
        .openTaskOnCase(assess.getId(), "Gerechtvaardigd belang afwegen", reference);
    assertThat(assessCase).contains(locationName() + ", Lindelaan 7-41 " + marker + " (wooncomplex, bergingen)",
        "Fietsen gestolen uit de bergingen " + marker, "bescherming eigendom", "aangevraagd");
    screenshots.take("03-facility-assess-case-tab");
    tasklist.showForm().claim().form()
        .check("Field_necessityShown").check("Field_subsidiarityShown").check("Field_interestOutweighs")
        .type("Field_balancing", "Inbraken wegen zwaarder " + marker + " dan het beeld van de gang");
    screenshots.take("04-facility-assess-form");
    tasklist.complete(assess.getId());

    // 3. the FG advises on the balancing (CAM-4)
    tasklist = logInAs("fg").chooseFilter("Taken van mijn groepen");
    Task advice = task(reference, Elements.ADVISE_LEGITIMATE_INTEREST);
    String adviceCase = tasklist.waitUntilListed(advice.getId(), "FG-advies over de afweging")
        .openTaskOnCase(advice.getId(), "FG-advies over de afweging", reference);
    assertThat(adviceCase).contains("Inbraken wegen zwaarder " + marker);
    screenshots.take("05-fg-advice-case-tab");
    tasklist.showForm().claim().form()
        .select("Field_fgAdvice", "Positief onder voorwaarden")
        .type("Field_fgAdviceText", "Akkoord mits beeldveld " + marker + " tot de gang beperkt blijft");
    screenshots.take("06-fg-advice-form");
    tasklist.complete(advice.getId());

    // 4. a privacy officer screens the DPIA need (CAM-2): no criterion, so no DPIA
    tasklist = logInAs("officer").chooseFilter("Taken van mijn groepen");
    Task screening = task(reference, Elements.SCREEN_DPIA);
    String screeningCase = tasklist.waitUntilListed(screening.getId(), "DPIA-screening invullen")
        .openTaskOnCase(screening.getId(), "DPIA-screening invullen", reference);
    assertThat(screeningCase).contains("Akkoord mits beeldveld " + marker, "Positief onder voorwaarden");
    screenshots.take("07-officer-screening-case-tab");
    tasklist.showForm().claim();
    screenshots.take("08-officer-screening-form");
    tasklist.complete(screening.getId());

    // 5. management approval (four eyes, CAM-4): the case tab shows the FG advice and the DPIA outcome
    tasklist = logInAs("manager").chooseFilter("Taken van mijn groepen");
    Task approval = task(reference, Elements.APPROVE_CAMERA);
    String approvalCase = tasklist.waitUntilListed(approval.getId(), "Camera goedkeuren")
        .openTaskOnCase(approval.getId(), "Camera goedkeuren", reference);
    assertThat(approvalCase).contains("FG-advies", "Positief onder voorwaarden",
        "Akkoord mits beeldveld " + marker, "Geen DPIA nodig", "Inbraken wegen zwaarder " + marker);
    assertThat(approvalCase).doesNotContain("FG_ADVICE", "NOT_REQUIRED", "POSITIVE_WITH_CONDITIONS");
    screenshots.take("09-manager-approval-case-tab");
    // the diagram tab: bpmn-js shows the protocol in its lanes, the current task marked (issue 16 item 6)
    driver.findElement(By.xpath("//section[contains(@class,'task-card')]//ul[contains(@class,'nav-tabs')]"
        + "//a[normalize-space(.)='Diagram']")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(
        By.cssSelector("section.task-card [data-element-id='Lane_Management']")));
    screenshots.take("09b-manager-diagram-tab");
    driver.get(baseUrl() + "/werkbank/taken/" + approval.getId());
    screenshots.takeFullPage("10-manager-approval-case-page");
    driver.navigate().back();
    tasklist.showForm().claim().form()
        .check("Field_cameraApproved")
        .type("Field_approvalComment", "Akkoord, eerst borden " + marker + " plaatsen");
    screenshots.take("11-manager-approval-form");
    tasklist.complete(approval.getId());

    assertThat(historyService.createHistoricTaskInstanceQuery().taskId(approval.getId()).singleResult()
        .getAssignee()).isEqualTo("manager");
    assertThat(jdbc.queryForObject("SELECT approved_by FROM privacy.camera_protocol WHERE reference = ?",
        String.class, reference)).isEqualTo("manager");
    assertThat(task(reference, Elements.CONFIRM_SIGNAGE)).isNotNull();
  }

  private String locationName() {
    return "Complex De Berk " + marker;
  }

  private TasklistPage logInAs(String user) {
    driver.manage().deleteAllCookies();
    return TasklistPage.logIn(driver, wait, baseUrl(), user, user);
  }

  private Task task(String reference, String taskKey) {
    Task task = taskService.createTaskQuery().processInstanceBusinessKey(reference).taskDefinitionKey(taskKey)
        .singleResult();
    assertThat(task).as("task %s of %s", taskKey, reference).isNotNull();
    return task;
  }

  private String baseUrl() {
    return "http://localhost:" + port;
  }
}
