package nl.ymere.privacy.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's Chromium and chromedriver, headless, with a fresh profile. Both paths are given explicitly, so Selenium
 * Manager is never asked (it would try to download a browser or driver, which fails without network). Override
 * with the system properties {@code privacy.test.chromium} and {@code privacy.test.chromedriver}.
 */
final class HeadlessChromium {

  static final String BROWSER_PROPERTY = "privacy.test.chromium";
  static final String DRIVER_PROPERTY = "privacy.test.chromedriver";

  private HeadlessChromium() {
  }

  static Path browserBinary() {
    return Path.of(System.getProperty(BROWSER_PROPERTY, "/usr/bin/chromium"));
  }

  static Path driverBinary() {
    return Path.of(System.getProperty(DRIVER_PROPERTY, "/usr/bin/chromedriver"));
  }

  /** Null when both executables are there, otherwise what is missing. */
  static String missingExecutables() {
    List<String> missing = new ArrayList<>();
    if (!Files.isExecutable(browserBinary())) {
      missing.add("no Chromium at " + browserBinary());
    }
    if (!Files.isExecutable(driverBinary())) {
      missing.add("no chromedriver at " + driverBinary());
    }
    return missing.isEmpty() ? null : String.join(" and ", missing);
  }

  /** A new headless browser with its own temporary profile directory; {@link Session#close()} removes both. */
  static Session start() {
    Path profile = createProfileDirectory();
    ChromeOptions options = new ChromeOptions();
    options.setBinary(browserBinary().toFile());
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
        "--window-size=1400,1100", "--user-data-dir=" + profile);
    // A Dutch visitor's Accept-Language. (Date inputs still show en-US format: Debian's package has no other locale.)
    options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "nl-NL,nl"));
    // the console, where Chromium reports what a Content-Security-Policy blocked (ProductPagesPolicyIT)
    options.setCapability("goog:loggingPrefs", Map.of("browser", "ALL"));
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(driverBinary().toFile())
        .usingAnyFreePort()
        .build();
    ChromeDriver driver = new ChromeDriver(service, options);
    driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
    return new Session(driver, profile);
  }

  private static Path createProfileDirectory() {
    try {
      return Files.createTempDirectory("privacy-browser-it-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  record Session(ChromeDriver driver, Path profile) implements AutoCloseable {

    @Override
    public void close() {
      try {
        driver.quit();
      } finally {
        deleteRecursively(profile);
      }
    }

    private static void deleteRecursively(Path directory) {
      try (var paths = Files.walk(directory)) {
        paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
      } catch (IOException e) {
        // a leftover temporary profile is harmless
      }
    }
  }
}
