package dev.meerkat.dashboard.e2e;

import dev.meerkat.dashboard.testing.TestUsers;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Headless Debian Chromium driven by the Debian chromedriver, with a throwaway profile. */
final class Browser {

  private Browser() {}

  static ChromeDriver start() {
    try {
      Path profile = Files.createTempDirectory("meerkat-chromium-");
      ChromeOptions options = new ChromeOptions();
      options.setBinary("/usr/bin/chromium");
      options.addArguments(
          "--headless=new",
          "--no-sandbox",
          "--disable-gpu",
          "--disable-dev-shm-usage",
          "--disable-quic",
          "--no-first-run",
          "--disable-background-networking",
          "--disable-component-update",
          "--disable-sync",
          "--window-size=1400,1000",
          "--user-data-dir=" + profile);
      ChromeDriverService service =
          new ChromeDriverService.Builder()
              .usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile())
              .usingAnyFreePort()
              .build();
      return new ChromeDriver(service, options);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Signs in through the login page as one of the {@link TestUsers} and waits for the signed-in
   * layout. The session cookie then lasts for the driver's life.
   */
  static void signIn(ChromeDriver driver, String baseUrl, String user) {
    submitLogin(driver, baseUrl, user, TestUsers.password(user));
    waitFor(driver).until(ExpectedConditions.presenceOfElementLocated(By.id("sign-out")));
  }

  /** Fills and submits the login form, without waiting for the outcome. */
  static void submitLogin(ChromeDriver driver, String baseUrl, String user, String password) {
    driver.get(baseUrl + "/login");
    WebElement name =
        waitFor(driver)
            .until(
                ExpectedConditions.elementToBeClickable(
                    By.cssSelector("vaadin-login-form input[name='username']")));
    name.sendKeys(user);
    driver
        .findElement(By.cssSelector("vaadin-login-form input[name='password']"))
        .sendKeys(password, Keys.ENTER);
  }

  static WebDriverWait waitFor(ChromeDriver driver) {
    return new WebDriverWait(driver, Duration.ofSeconds(30), Duration.ofMillis(100));
  }

  /** Waits until the element shows {@code text}, then returns it. */
  static WebElement waitForText(ChromeDriver driver, By locator, String text) {
    waitFor(driver).until(ExpectedConditions.textToBePresentInElementLocated(locator, text));
    return driver.findElement(locator);
  }

  /** Opens a {@code vaadin-select} and picks the item with that label. */
  static void choose(ChromeDriver driver, String selectId, String label) {
    driver.findElement(By.id(selectId)).click();
    waitFor(driver)
        .until(
            d ->
                d.findElements(By.tagName("vaadin-select-item")).stream()
                    .filter(item -> item.isDisplayed() && item.getText().equals(label))
                    .findFirst()
                    .orElse(null))
        .click();
  }

  /** The query parameters of {@code address}, decoded, in their order. */
  static Map<String, List<String>> queryOf(String address) {
    Map<String, List<String>> parameters = new LinkedHashMap<>();
    String query = URI.create(address).getRawQuery();
    for (String pair : query.split("&")) {
      int equals = pair.indexOf('=');
      parameters
          .computeIfAbsent(decode(pair.substring(0, equals)), k -> new ArrayList<>())
          .add(decode(pair.substring(equals + 1)));
    }
    return parameters;
  }

  private static String decode(String value) {
    return URLDecoder.decode(value, StandardCharsets.UTF_8);
  }

  /**
   * Clicks a grid cell near its right end, beside a link it holds: the services grid's name links
   * to the service page, a click beside it selects the row.
   */
  static void clickBesideLink(ChromeDriver driver, WebElement cell) {
    new Actions(driver).moveToElement(cell, cell.getSize().getWidth() / 2 - 4, 0).click().perform();
  }

  static void screenshot(ChromeDriver driver, String name) {
    try {
      Path target = Path.of("target", "screenshots", name + ".png");
      Files.createDirectories(target.getParent());
      Files.copy(
          driver.getScreenshotAs(OutputType.FILE).toPath(),
          target,
          StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
