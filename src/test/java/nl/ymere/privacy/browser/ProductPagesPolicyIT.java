package nl.ymere.privacy.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import nl.ymere.privacy.support.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 14, finding 6: the product's pages work in a real browser under their Content-Security-Policy: their styles
 * (files under /css) apply, and Chromium's console reports nothing the policy blocked, on the public request form and
 * the login page.
 */
@IntegrationTest
@RequiresChromium
class ProductPagesPolicyIT {

  @LocalServerPort int port;

  private HeadlessChromium.Session browser;
  private WebDriver driver;
  private WebDriverWait wait;

  @BeforeEach
  void startBrowser() {
    browser = HeadlessChromium.start();
    driver = browser.driver();
    wait = new WebDriverWait(driver, Duration.ofSeconds(30));
  }

  @AfterEach
  void closeBrowser() {
    if (browser != null) {
      browser.close();
    }
  }

  @Test
  void thePublicFormAndTheLoginPageAreStyledAndNothingIsBlocked() {
    driver.get(baseUrl() + "/verzoek");
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("header.site-header")));
    assertThat(driver.findElement(By.cssSelector("header.site-header")).getCssValue("background-color"))
        .as("verzoek.css applies").isEqualTo("rgba(0, 66, 110, 1)");
    assertThat(policyViolations()).isEmpty();

    driver.get(baseUrl() + "/login");
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.name("username")));
    assertThat(driver.findElement(By.cssSelector("button[type=submit]")).getCssValue("background-color"))
        .as("login.css applies").isEqualTo("rgba(0, 112, 60, 1)");
    assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Inloggen");
    assertThat(policyViolations()).isEmpty();
  }

  private List<String> policyViolations() {
    return driver.manage().logs().get(LogType.BROWSER).getAll().stream().map(LogEntry::getMessage)
        .filter(message -> message.contains("Content Security Policy")).toList();
  }

  private String baseUrl() {
    return "http://localhost:" + port;
  }
}
