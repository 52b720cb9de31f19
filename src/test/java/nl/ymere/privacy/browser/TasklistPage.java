package nl.ymere.privacy.browser;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Camunda Tasklist 7.24 behind the application's Spring login, as a member of staff uses it: filters on the left,
 * the task list in the middle, the task with its Camunda Form on the right.
 */
final class TasklistPage {

  private final WebDriver driver;
  private final WebDriverWait wait;

  private TasklistPage(WebDriver driver, WebDriverWait wait) {
    this.driver = driver;
    this.wait = wait;
  }

  /** Spring Security's form login ({@code username}, {@code password}), then Tasklist with its filters. */
  static TasklistPage logIn(WebDriver driver, WebDriverWait wait, String baseUrl, String user, String password) {
    driver.get(baseUrl + "/login");
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.name("username"))).sendKeys(user);
    driver.findElement(By.name("password")).sendKeys(password);
    driver.findElement(By.cssSelector("form button[type=submit]")).click();
    wait.until(ExpectedConditions.urlContains("/camunda/app/tasklist/"));
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".task-filter")));
    return new TasklistPage(driver, wait);
  }

  /** Chooses a shared filter by its name and waits until it is the active one. */
  TasklistPage chooseFilter(String name) {
    By filter = By.xpath("//div[contains(@class,'task-filter')][.//h4[@class='name']/a[contains(normalize-space(.),"
        + quoted(name) + ")]]");
    wait.until(ExpectedConditions.elementToBeClickable(filter)).click();
    wait.until(ExpectedConditions.attributeContains(filter, "class", "active"));
    return this;
  }

  /** Opens the task from the list (entries link to {@code #/?task=<id>}) and waits for its Camunda Form. */
  TasklistPage openTask(String taskId, String taskName) {
    openTaskOnCase(taskId, taskName);
    return showForm();
  }

  /**
   * Opens the task from the list on its "Zaak" tab (the tab a task opens on) and waits until the product's case page
   * in it shows {@code caseText}; returns the text of that page (read from inside its frame).
   */
  String openTaskOnCase(String taskId, String taskName, String caseText) {
    openTaskOnCase(taskId, taskName);
    WebElement frame = wait.until(ExpectedConditions.presenceOfElementLocated(
        By.cssSelector("iframe[data-privacy-case='" + taskId + "']")));
    driver.switchTo().frame(frame);
    try {
      wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), caseText));
      return driver.findElement(By.tagName("main")).getText();
    } finally {
      driver.switchTo().defaultContent();
    }
  }

  private void openTaskOnCase(String taskId, String taskName) {
    By entry = taskLink(taskId);
    WebElement link = wait.until(ExpectedConditions.elementToBeClickable(entry));
    if (!link.getText().contains(taskName)) {
      throw new AssertionError("task " + taskId + " is listed as '" + link.getText() + "', not '" + taskName + "'");
    }
    link.click();
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("section.task-card h2.task"),
        taskName));
  }

  /** The open task's "Formulier" tab, with its Camunda Form. */
  TasklistPage showForm() {
    // a task opens on its case (the "Zaak" tab comes first); the decision is on the "Formulier" tab
    By formTab = By.xpath("//section[contains(@class,'task-card')]//ul[contains(@class,'nav-tabs')]"
        + "//a[normalize-space(.)='Formulier' or normalize-space(.)='Form']");
    wait.until(ExpectedConditions.elementToBeClickable(formTab)).click();
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".fjs-form")));
    return this;
  }

  /**
   * "Proces starten" in the header: picks the process by its name in the dialog and waits for its start form (a
   * Camunda Form inside the dialog).
   */
  TasklistPage startProcess(String processName) {
    wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(".start-process-action a"))).click();
    wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//div[contains(@class,'modal-content')]"
        + "//ul[contains(@class,'processes')]//a[normalize-space(.)=" + quoted(processName) + "]"))).click();
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".modal-content .fjs-form")));
    return this;
  }

  /** Presses the start dialog's primary button and waits until the dialog has closed (the process has started). */
  TasklistPage submitStart() {
    wait.until(ExpectedConditions.elementToBeClickable(
        By.cssSelector(".modal-content .modal-footer button.btn-primary"))).click();
    wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".modal-content")));
    return this;
  }

  /** Claims the open task; the header then shows the assignee instead of the claim button. */
  TasklistPage claim() {
    wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("button.claim"))).click();
    wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("button.claim")));
    return this;
  }

  CamundaFormPanel form() {
    return new CamundaFormPanel(driver, wait);
  }

  /**
   * Presses Complete and waits until Tasklist has closed the task: the address no longer names it and the detail
   * pane asks to select a task. (A claimed task has already left the group filter's list, so the list says
   * nothing.)
   */
  TasklistPage complete(String taskId) {
    By complete = By.xpath("//div[contains(@class,'form-actions')]/button[contains(@class,'btn-primary')]");
    WebElement button = wait.until(ExpectedConditions.elementToBeClickable(complete));
    // a long form (the DPIA screening) puts the button under the page footer: bring it to the middle first
    ((org.openqa.selenium.JavascriptExecutor) driver).executeScript(
        "arguments[0].scrollIntoView({block: 'center'});", button);
    wait.until(ExpectedConditions.elementToBeClickable(complete)).click();
    wait.until(ExpectedConditions.not(ExpectedConditions.urlContains("task=" + taskId)));
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".no-task")));
    return this;
  }

  /** Waits until the current filter's list shows this task under this name (the list refreshes by itself). */
  TasklistPage waitUntilListed(String taskId, String taskName) {
    wait.until(ExpectedConditions.textToBePresentInElementLocated(taskLink(taskId), taskName));
    return this;
  }

  /** Waits until the task's card in the list shows this text (e.g. the request reference of the filter's variables). */
  TasklistPage waitUntilCardShows(String taskId, String text) {
    wait.until(ExpectedConditions.textToBePresentInElementLocated(
        By.xpath("//li[contains(@class,'task')][.//h4//a[contains(@href,'task=" + taskId + "')]]"), text));
    return this;
  }

  private static By taskLink(String taskId) {
    return By.cssSelector("li.task h4.task a[href*='task=" + taskId + "']");
  }

  /** An XPath string literal for text without both quote kinds. */
  static String quoted(String text) {
    return text.contains("'") ? "\"" + text + "\"" : "'" + text + "'";
  }
}
