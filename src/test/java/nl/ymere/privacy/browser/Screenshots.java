package nl.ymere.privacy.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chromium.HasCdp;

/**
 * Writes PNGs of the browser to {@code target/screenshots/} (the evidence of a run, never committed). On a failed
 * test it also writes the page as it was, screenshot and HTML, so the failure can be read afterwards.
 */
class Screenshots implements AfterTestExecutionCallback {

  private final Path directory;
  private WebDriver driver;

  Screenshots() {
    this.directory = Path.of(System.getProperty("basedir", "."), "target", "screenshots");
  }

  /** Screenshots in their own folder under {@code target/screenshots/}. */
  Screenshots(String folder) {
    this.directory = Path.of(System.getProperty("basedir", "."), "target", "screenshots", folder);
  }

  void of(WebDriver driver) {
    this.driver = driver;
  }

  Path directory() {
    return directory;
  }

  /**
   * Saves the whole page, beyond the viewport, as {@code <name>.png} (Chromium's DevTools screenshot) and returns its
   * path.
   */
  @SuppressWarnings("unchecked")
  Path takeFullPage(String name) {
    HasCdp cdp = (HasCdp) driver;
    Map<String, Object> metrics = cdp.executeCdpCommand("Page.getLayoutMetrics", Map.of());
    Map<String, Object> content = (Map<String, Object>) metrics.get("cssContentSize");
    Map<String, Object> shot = cdp.executeCdpCommand("Page.captureScreenshot", Map.of("format", "png",
        "captureBeyondViewport", true, "clip", Map.of("x", 0, "y", 0, "width", content.get("width"),
            "height", content.get("height"), "scale", 1)));
    return write(name, Base64.getDecoder().decode((String) shot.get("data")));
  }

  private Path write(String name, byte[] png) {
    try {
      Files.createDirectories(directory);
      Path target = directory.resolve(name + ".png");
      Files.write(target, png);
      System.out.println("screenshot: " + target.toAbsolutePath());
      return target;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Saves the current viewport as {@code <name>.png} and returns its path. */
  Path take(String name) {
    return write(name, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
  }

  /** Runs before {@code @AfterEach}, so the browser is still open. */
  @Override
  public void afterTestExecution(ExtensionContext context) {
    if (driver == null || context.getExecutionException().isEmpty()) {
      return;
    }
    String name = "failed-" + context.getRequiredTestMethod().getName();
    try {
      take(name);
      Files.writeString(directory.resolve(name + ".html"), driver.getCurrentUrl() + "\n" + driver.getPageSource(),
          StandardCharsets.UTF_8);
      // the browser's console (script errors), when the driver keeps it (HeadlessChromium asks for it)
      StringBuilder console = new StringBuilder();
      driver.manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER)
          .forEach(entry -> console.append(entry).append('\n'));
      Files.writeString(directory.resolve(name + ".console.txt"), console, StandardCharsets.UTF_8);
    } catch (RuntimeException | IOException e) {
      System.out.println("could not save the failed page: " + e);
    }
  }
}
