package nl.ymere.privacy.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import javax.sql.DataSource;
import nl.ymere.privacy.access.AccessRequestProcess;
import nl.ymere.privacy.identity.IdentityVerificationProcess;
import nl.ymere.privacy.request.RequestTestSupport;
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
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 16 item 2, "Done when": in headless Chromium the demo tenant files an access request on the public form; the
 * privacy desk establishes identity and confirms the search in Tasklist, then does the access review only on the
 * product's review screen (one redaction, one withholding; flagged items decided by a privacy officer, SEC-1); the
 * officer approves the exemptions on the exemption screen (ACC-4); the dossier and the letter follow. The test makes
 * no REST call. Screenshots of every screen go to {@code target/screenshots/access-review/}; afterwards no personal
 * data are in the engine's tables.
 */
@IntegrationTest
@RequiresChromium
class AccessReviewBrowserIT {

  static final String TENANT = "Jan de Vries";
  static final String TENANT_EMAIL = "jan.devries@example.org";
  static final LocalDate TENANT_BORN = LocalDate.of(1978, 3, 14);
  static final String TENANCY = "HV-100234";
  static final String NEIGHBOUR = "Fatma Yilmaz";

  @RegisterExtension final Screenshots screenshots = new Screenshots("access-review");

  @LocalServerPort int port;
  @Autowired TaskService taskService;
  @Autowired HistoryService historyService;
  @Autowired RequestTestSupport requests;
  @Autowired JdbcTemplate jdbc;
  @Autowired DataSource dataSource;

  private HeadlessChromium.Session browser;
  private WebDriver driver;
  private WebDriverWait wait;

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
    assertThat(PersonalDataScan.of(dataSource).text(TENANT, TENANT_EMAIL, TENANCY, NEIGHBOUR,
        "Lopende aansprakelijkheid").dateOfBirth(TENANT_BORN).hits()).isEmpty();
  }

  @Test
  void deskAndOfficerDoTheAccessReviewOnTheScreensFromFormToLetter() {
    // 1. The tenant's request on the public form.
    String reference = PublicRequestFormPage.open(driver, wait, baseUrl()).right("ACCESS")
        .requester(TENANT, TENANT_EMAIL, TENANT_BORN)
        .description("Ik wil graag inzage in alle gegevens die u van mij heeft.").submit();
    screenshots.takeFullPage("01-public-form-confirmation");

    // 2. The desk in Tasklist: identity from known contact details (ID-1), then the search with the tenancy number.
    TasklistPage tasklist = TasklistPage.logIn(driver, wait, baseUrl(), "desk", "desk")
        .chooseFilter("Taken van mijn groepen");
    Task identity = task(reference, IdentityVerificationProcess.Elements.CHOOSE_METHOD);
    tasklist.openTask(identity.getId(), "Identiteit vaststellen: methode kiezen").claim().form()
        .select("Field_identityMethod", "Bekende contactgegevens")
        .select("Field_identityBasis", "Bekend e-mailadres")
        .select("Field_identityResult", "Vastgesteld");
    screenshots.take("02-tasklist-identity");
    tasklist.complete(identity.getId());
    Task search = task(reference, AccessRequestProcess.Elements.CONFIRM_SEARCH);
    tasklist.waitUntilListed(search.getId(), "Zoekgegevens bevestigen")
        .openTask(search.getId(), "Zoekgegevens bevestigen").claim().form().type("Field_tenancyNumber", TENANCY);
    screenshots.take("03-tasklist-search");
    tasklist.complete(search.getId());

    // 3. The review task: its "Zaak" tab links to the review screen.
    Task review = task(reference, AccessRequestProcess.Elements.REVIEW_ITEMS);
    driver.get(baseUrl() + "/camunda/app/tasklist/default/#/?task=" + review.getId());
    WebElement frame = wait.until(ExpectedConditions.presenceOfElementLocated(
        By.cssSelector("iframe[data-privacy-case='" + review.getId() + "']")));
    driver.switchTo().frame(frame);
    WebElement screenLink = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#task-screen a")));
    assertThat(screenLink.getText()).isEqualTo("Beoordelingsscherm inzage openen");
    driver.switchTo().defaultContent();
    screenshots.take("04-tasklist-review-task-zaak-tab");
    String reviewScreen = "/werkbank/taken/" + review.getId() + "/inzage-beoordeling";
    driver.get(baseUrl() + reviewScreen);
    int total = driver.findElements(By.cssSelector("section.item")).size();
    assertThat(text("count-undecided")).isEqualTo(String.valueOf(total));
    screenshots.takeFullPage("05-review-screen-desk");

    // bad input: withholding without a ground or reason shows Dutch errors beside the fields
    String workNote = driver.findElement(By.cssSelector("section.item[id^=item-worknotes-]")).getAttribute("id");
    decide(workNote, "WITHHOLD", null, List.of(), null, "kort");
    assertThat(driver.findElement(By.id(workNote)).getText())
        .contains("Kies een uitzonderingsgrond om dit gegeven te weigeren (ACC-3).");
    ((org.openqa.selenium.JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView()",
        driver.findElement(By.id(workNote)));
    screenshots.take("06-review-screen-error");

    // one withholding, one redaction (the neighbour's complaint: her name, e-mail and tenancy), the rest given
    decide(workNote, "WITHHOLD", "PERSONAL_WORK_NOTE", List.of(), null,
        "Eigen aantekening van de medewerker, niet gedeeld en geen dossierstuk.");
    String complaint = driver.findElement(By.xpath("//section[contains(@class,'item')][starts-with(@id,"
        + "'item-contacts-')][.//span[contains(@class,'third')]]")).getAttribute("id");
    decide(complaint, "REDACT", null, List.of("contactName", "email", "tenancyNumber"), NEIGHBOUR, null);
    List<String> open = driver.findElements(By.cssSelector("section.item.undecided")).stream()
        .filter(item -> !item.findElements(By.cssSelector("form.decide")).isEmpty())
        .map(item -> item.getAttribute("id")).toList();
    for (String id : open) {
      boolean namesNeighbour = driver.findElement(By.id(id)).getText().contains(NEIGHBOUR);
      decide(id, namesNeighbour ? "REDACT" : "INCLUDE", null, List.of(), namesNeighbour ? NEIGHBOUR : null, null);
    }
    List<String> flagged = driver.findElements(By.cssSelector("section.item.undecided")).stream()
        .map(item -> item.getAttribute("id")).toList();
    assertThat(flagged).as("only the flagged items are left for the officer").isNotEmpty()
        .allSatisfy(id -> assertThat(driver.findElements(By.cssSelector("#" + id + " form.decide"))).isEmpty());
    submitAndAwaitNextPage(driver.findElement(By.id("complete")));
    assertThat(text("complete-error")).contains("gegevens hebben nog geen beslissing");
    screenshots.takeFullPage("07-review-screen-desk-waiting-for-officer");

    // 4. A privacy officer decides the flagged items on the request's review screen (SEC-1): deskofficer, because
    // whoever withheld or redacted an item may not approve the exemptions afterwards (ACC-4)
    logInAs("deskofficer");
    driver.get(baseUrl() + "/werkbank/verzoeken/" + reference + "/inzage-beoordeling");
    for (String id : flagged) {
      boolean namesNeighbour = driver.findElement(By.id(id)).getText().contains(NEIGHBOUR);
      decide(id, namesNeighbour ? "REDACT" : "INCLUDE", null, List.of(), namesNeighbour ? NEIGHBOUR : null, null);
    }
    assertThat(text("count-undecided")).isEqualTo("0");
    screenshots.takeFullPage("08-review-screen-officer");

    // 5. The desk completes the review on the screen.
    logInAs("desk");
    driver.get(baseUrl() + reviewScreen);
    assertThat(text("count-withhold")).isEqualTo("1");
    driver.findElement(By.id("complete")).click();
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("done")));
    screenshots.takeFullPage("09-review-completed");
    assertThat(historyService.createHistoricTaskInstanceQuery().taskId(review.getId()).singleResult().getAssignee())
        .isEqualTo("desk");

    // 6. The officer approves the exemptions on the exemption screen (ACC-4), reached from the task's case page.
    logInAs("officer");
    Task approval = task(reference, AccessRequestProcess.Elements.APPROVE_EXEMPTIONS);
    driver.get(baseUrl() + "/werkbank/taken/" + approval.getId());
    screenshots.takeFullPage("10-approval-task-case-page");
    driver.findElement(By.cssSelector("#task-screen a")).click();
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("exempted")));
    assertThat(driver.findElement(By.id("exempted")).getText()).contains("Weigeren",
        "Eigen aantekening van de medewerker", "Afschermen");
    submitAndAwaitNextPage(driver.findElement(By.id("submit-approval")));
    assertThat(driver.findElement(By.id("approval")).getText()).contains("Kies: de uitzonderingen goedkeuren");
    screenshots.takeFullPage("11-approval-screen-error");
    driver.findElement(By.cssSelector("input[name=approved][value=ja]")).click();
    driver.findElement(By.id("submit-approval")).click();
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("done")));
    screenshots.takeFullPage("12-approval-completed");

    // 7. Dossier and letter: on the request's page, as the desk sees it.
    driver.get(baseUrl() + "/werkbank/verzoeken/" + reference);
    assertThat(driver.findElement(By.id("timeline")).getText()).contains("Inzagedossier samengesteld");
    screenshots.takeFullPage("13-request-page-dossier-and-letter");
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM privacy.access_dossier WHERE request_reference = ?",
        Long.class, reference)).isEqualTo(1);
    assertThat(requests.outbox(reference)).extracting(row -> row.get("template"))
        .contains("access-answer");
    assertThat(historyService.createHistoricTaskInstanceQuery().taskId(approval.getId()).singleResult()
        .getAssignee()).isEqualTo("officer");
  }

  /** Fills and saves one item's decision form on the review screen, then waits for the page after it. */
  private void decide(String itemId, String decision, String code, List<String> fields, String passage,
      String reason) {
    WebElement item = driver.findElement(By.id(itemId));
    item.findElement(By.cssSelector("input[name=decision][value=" + decision + "]")).click();
    for (String field : fields) {
      List<WebElement> box = item.findElements(By.cssSelector("input[name=redactFields][value=" + field + "]"));
      if (!box.isEmpty() && !box.get(0).isSelected()) {
        box.get(0).click();
      }
    }
    if (passage != null) {
      item.findElement(By.name("redactTexts")).sendKeys(passage);
    }
    if (code != null) {
      new Select(item.findElement(By.name("exemptionCode"))).selectByValue(code);
    }
    if (reason != null) {
      WebElement field = item.findElement(By.name("reason"));
      field.clear();
      field.sendKeys(reason);
    }
    submitAndAwaitNextPage(item.findElement(By.cssSelector("form.decide button[type=submit]")));
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id(itemId)));
  }

  /**
   * Clicks a submit button and waits until the page that answers the POST has replaced the one it was on, so the next
   * lookup cannot meet the old page or a document still loading (the error re-render has the same ids as before).
   */
  private void submitAndAwaitNextPage(WebElement button) {
    button.click();
    // the old page is gone once its element cannot be asked any more: Chromium 156 answers a node of the unloaded
    // document with "does not belong to the document" instead of a stale-element error, so any refusal counts
    wait.until(driver -> {
      try {
        button.isEnabled();
        return false;
      } catch (org.openqa.selenium.WebDriverException gone) {
        return true;
      }
    });
    wait.until(driver -> "complete".equals(
        ((org.openqa.selenium.JavascriptExecutor) driver).executeScript("return document.readyState")));
  }

  private void logInAs(String user) {
    driver.manage().deleteAllCookies();
    TasklistPage.logIn(driver, wait, baseUrl(), user, user);
  }

  private String text(String id) {
    return driver.findElement(By.id(id)).getText();
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
