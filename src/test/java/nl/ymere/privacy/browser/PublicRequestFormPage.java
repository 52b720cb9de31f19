package nl.ymere.privacy.browser;

import java.time.LocalDate;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The public request form at {@code /verzoek} as a visitor uses it. Its contract: fields named {@code right}
 * (select), {@code requesterName}, {@code requesterEmail}, {@code requesterPostalAddress},
 * {@code requesterDateOfBirth}, {@code onBehalf} (checkbox), {@code representation}, {@code subjectName},
 * {@code subjectDateOfBirth}, {@code description}, the honeypot {@code website}; submit button {@code #submit};
 * the confirmation page shows the reference in {@code #reference}.
 */
final class PublicRequestFormPage {

  private final WebDriver driver;
  private final WebDriverWait wait;

  private PublicRequestFormPage(WebDriver driver, WebDriverWait wait) {
    this.driver = driver;
    this.wait = wait;
  }

  static PublicRequestFormPage open(WebDriver driver, WebDriverWait wait, String baseUrl) {
    driver.get(baseUrl + "/verzoek");
    wait.until(ExpectedConditions.elementToBeClickable(By.id("submit")));
    return new PublicRequestFormPage(driver, wait);
  }

  PublicRequestFormPage right(String value) {
    new Select(field("right")).selectByValue(value);
    return this;
  }

  PublicRequestFormPage requester(String name, String email, LocalDate dateOfBirth) {
    type("requesterName", name);
    type("requesterEmail", email);
    date("requesterDateOfBirth", dateOfBirth);
    return this;
  }

  PublicRequestFormPage description(String text) {
    type("description", text);
    return this;
  }

  /** The honeypot stays empty and hidden, as for a person (a filled one discards the submission). */
  boolean honeypotEmptyAndHidden() {
    WebElement honeypot = field("website");
    return honeypot.getAttribute("value").isEmpty() && !isOnScreen(honeypot);
  }

  /** Submits and waits for the confirmation page; returns the reference it shows. */
  String submit() {
    WebElement button = driver.findElement(By.id("submit"));
    ((org.openqa.selenium.JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block:'center'})",
        button);
    button.click();
    return wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("reference"))).getText().trim();
  }

  private WebElement field(String name) {
    return driver.findElement(By.name(name));
  }

  private void type(String name, String text) {
    WebElement input = field(name);
    input.clear();
    input.sendKeys(text);
  }

  /**
   * A date input takes keystrokes in the browser's locale format, so the ISO value is set directly and the
   * change announced, as the date picker does.
   */
  private void date(String name, LocalDate date) {
    WebElement input = field(name);
    if ("date".equals(input.getAttribute("type"))) {
      ((org.openqa.selenium.JavascriptExecutor) driver).executeScript(
          "arguments[0].value = arguments[1];"
              + "arguments[0].dispatchEvent(new Event('input', {bubbles: true}));"
              + "arguments[0].dispatchEvent(new Event('change', {bubbles: true}));",
          input, date.toString());
    } else {
      type(name, date.toString());
    }
  }

  /** Hidden by CSS or moved off screen, as honeypots are. */
  private boolean isOnScreen(WebElement element) {
    if (!element.isDisplayed()) {
      return false;
    }
    var rect = element.getRect();
    return rect.getX() + rect.getWidth() > 1 && rect.getY() + rect.getHeight() > 1 && rect.getWidth() > 1;
  }
}
