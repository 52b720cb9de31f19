package nl.ymere.privacy.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;

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

  void of(WebDriver driver) {
    this.driver = driver;
  }

  Path directory() {
    return directory;
  }

  /** Saves the current viewport as {@code <name>.png} and returns its path. */
  Path take(String name) {
    try {
      Files.createDirectories(directory);
      Path source = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath();
      Path target = directory.resolve(name + ".png");
      Files.move(source, target, StandardCopyOption.REPLACE_EXISTING);
      System.out.println("screenshot: " + target.toAbsolutePath());
      return target;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
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
    } catch (RuntimeException | IOException e) {
      System.out.println("could not save the failed page: " + e);
    }
  }
}
