package com.partnerflow;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.logging.Level;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A browser test: tagged {@code browser} (run with {@code ./mvnw -Pbrowser test}) and given a
 * headless Chromium {@link WebDriver} as a test method parameter, one fresh browser per test.
 *
 * <p>Uses Debian's {@code /usr/bin/chromium} and {@code /usr/bin/chromedriver} (override with the
 * system properties {@code browser.chromium} and {@code browser.chromedriver}); Selenium Manager
 * never runs, so nothing is downloaded. Without the binaries the tests are skipped, except on CI
 * ({@code CI=true}) where they fail.
 *
 * <pre>
 * &#64;BrowserTest
 * &#64;PartnerflowIntegrationTest
 * class SomethingBrowserTest {
 *   &#64;Test
 *   void works(WebDriver browser) { ... BrowserTest.Chromium.screenshot(browser, "name"); }
 * }
 * </pre>
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag("browser")
@ExtendWith(BrowserTest.Chromium.class)
public @interface BrowserTest {

  /** Checks for the binaries, starts Chromium per test and quits it afterwards. */
  final class Chromium
      implements ExecutionCondition, BeforeAllCallback, AfterEachCallback, ParameterResolver {

    static final Path CHROMIUM =
        Path.of(System.getProperty("browser.chromium", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER =
        Path.of(System.getProperty("browser.chromedriver", "/usr/bin/chromedriver"));
    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private static final ExtensionContext.Namespace NAMESPACE =
        ExtensionContext.Namespace.create(Chromium.class);

    /** Outside CI, missing binaries skip the tests (reported as skipped, with the reason). */
    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
      String missing = missingBinaries();
      if (missing == null || onCi()) {
        return ConditionEvaluationResult.enabled("Chromium and chromedriver are installed");
      }
      return ConditionEvaluationResult.disabled(missing + "; skipping outside CI");
    }

    /** On CI ({@code CI=true}) missing binaries fail the tests instead. */
    @Override
    public void beforeAll(ExtensionContext context) {
      String missing = missingBinaries();
      if (missing != null) {
        Assertions.fail(missing);
      }
    }

    private static boolean onCi() {
      return "true".equalsIgnoreCase(System.getenv("CI"));
    }

    private static String missingBinaries() {
      List<String> missing = new ArrayList<>();
      if (!Files.isExecutable(CHROMIUM)) {
        missing.add(CHROMIUM.toString());
      }
      if (!Files.isExecutable(CHROMEDRIVER)) {
        missing.add(CHROMEDRIVER.toString());
      }
      if (missing.isEmpty()) {
        return null;
      }
      return "Browser tests need Chromium and its driver, but "
          + String.join(" and ", missing)
          + " could not be found: install the packages chromium and chromium-driver"
          + " (apt-get install -y chromium chromium-driver)";
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
      return parameter.getParameter().getType() == WebDriver.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
      return context
          .getStore(NAMESPACE)
          .getOrComputeIfAbsent("browser", key -> start(), Session.class)
          .driver();
    }

    /**
     * Fails the test when the browser reported a Content-Security-Policy violation on any page it
     * loaded (Chromium logs each as a console error): the pages must work under the policy.
     */
    @Override
    public void afterEach(ExtensionContext context) {
      Session session = context.getStore(NAMESPACE).get("browser", Session.class);
      if (session == null) {
        return;
      }
      List<LogEntry> console = session.driver().manage().logs().get(LogType.BROWSER).getAll();
      if (context.getExecutionException().isPresent()) {
        describeFailure(session.driver(), context, console);
      }
      List<String> violations =
          console.stream()
              .map(LogEntry::getMessage)
              .filter(m -> m.contains("Content Security Policy"))
              .toList();
      if (!violations.isEmpty()) {
        Assertions.fail("Content-Security-Policy violations:\n" + String.join("\n", violations));
      }
    }

    /**
     * What a failed test left in the browser, so a failure on a CI machine can be read without
     * running it again: the page's address and text, the console, and a screenshot.
     */
    private static void describeFailure(
        WebDriver browser, ExtensionContext context, List<LogEntry> console) {
      String test = context.getRequiredTestMethod().getName();
      try {
        String text = browser.findElement(By.tagName("body")).getText();
        System.err.printf(
            "[browser] %s failed on %s; the page reads:%n%s%n",
            test, browser.getCurrentUrl(), text.substring(0, Math.min(text.length(), 4000)));
        console.forEach(
            entry ->
                System.err.printf(
                    "[browser console] %s %s%n", entry.getLevel(), entry.getMessage()));
        System.err.printf("[browser] screenshot %s%n", screenshot(browser, "failed-" + test));
      } catch (RuntimeException e) {
        System.err.printf("[browser] %s failed; the browser could not be read: %s%n", test, e);
      }
    }

    /**
     * Signs in through the sign-in page of the service at {@code base} (e.g. http://localhost:8080)
     * as a demo-password user, leaving any earlier session first.
     */
    public static void signIn(WebDriver browser, String base, String username) {
      browser.manage().deleteAllCookies();
      browser.get(base + "/login");
      browser.findElement(By.name("username")).sendKeys(username);
      browser.findElement(By.name("password")).sendKeys("demo");
      browser.findElement(By.cssSelector("form.card button[type=submit]")).click();
      new WebDriverWait(browser, Duration.ofSeconds(20))
          .until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
    }

    /** Saves a PNG of the current page as target/screenshots/{name}.png and returns its path. */
    public static Path screenshot(WebDriver browser, String name) {
      try {
        Files.createDirectories(SCREENSHOTS);
        File png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Path target = SCREENSHOTS.resolve(name + ".png");
        Files.copy(png.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
        Files.deleteIfExists(png.toPath());
        return target.toAbsolutePath();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    private static Session start() {
      // Selenium Manager is skipped because the driver path is given explicitly; SE_* system
      // properties are what Selenium would hand it, so also ask it to stay offline and silent.
      System.setProperty("SE_AVOID_STATS", "true");
      System.setProperty("SE_OFFLINE", "true");
      System.setProperty(ChromeDriverService.CHROME_DRIVER_EXE_PROPERTY, CHROMEDRIVER.toString());
      Path profile;
      try {
        profile = Files.createTempDirectory("partnerflow-chromium-");
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      ChromeOptions options = new ChromeOptions();
      // Console messages, among them CSP violations, are read back after each test.
      LoggingPreferences logs = new LoggingPreferences();
      logs.enable(LogType.BROWSER, Level.ALL);
      options.setCapability("goog:loggingPrefs", logs);
      options.setBinary(CHROMIUM.toFile());
      options.addArguments(
          "--headless=new",
          "--no-sandbox",
          "--disable-gpu",
          "--disable-dev-shm-usage",
          "--disable-background-networking",
          "--disable-component-update",
          "--disable-sync",
          "--no-first-run",
          "--window-size=1280,900",
          "--user-data-dir=" + profile);
      ChromeDriverService service =
          new ChromeDriverService.Builder()
              .usingDriverExecutable(CHROMEDRIVER.toFile())
              .usingAnyFreePort()
              .build();
      ChromeDriver driver = new ChromeDriver(service, options);
      driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
      return new Session(driver, profile);
    }

    /** Quits the browser and removes its profile when the test ends. */
    record Session(WebDriver driver, Path profile)
        implements ExtensionContext.Store.CloseableResource {
      @Override
      public void close() throws IOException {
        try {
          driver.quit();
        } finally {
          try (Stream<Path> files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
          }
        }
      }
    }
  }
}
