package dev.meerkat.dashboard.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meerkat.dashboard.MeerkatDashboardApplication;
import dev.meerkat.dashboard.testing.FixedTestClock;
import dev.meerkat.dashboard.testing.LogSeeds;
import dev.meerkat.dashboard.testing.SpanSeeder;
import dev.meerkat.dashboard.testing.TestStores;
import dev.meerkat.dashboard.testing.TestUsers;
import dev.meerkat.store.clickhouse.ClickHouseStore;
import dev.meerkat.store.clickhouse.write.ClickHouseLogWriter;
import dev.meerkat.store.model.LogRecord;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The logs page and the header's trace-id box in a real headless Chromium, over log records written
 * by the collector's own log writer into a private ClickHouse; the dashboard's clock is fixed at
 * {@link #NOW}.
 */
@SpringBootTest(
    classes = {MeerkatDashboardApplication.class, FixedTestClock.class},
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "meerkat.slo.evaluation-enabled=false")
class LogsBrowserIT {

  private static final TestStores STORES = TestStores.create("meerkat-dashboard-data-");
  private static final String CHECKOUT_TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
  private static final String INVENTORY_TRACE = "0af7651916cd43dd8448eb211c80319c";
  private static final DateTimeFormatter SHOWN_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS 'UTC'").withZone(ZoneOffset.UTC);

  private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);
  private static final Instant CART_LOADED = NOW.minus(Duration.ofMinutes(10)).plusMillis(100);
  private static final Instant PAYMENT_DECLINED = NOW.minus(Duration.ofMinutes(9)).plusMillis(250);
  private static final Instant STOCK_LOW = NOW.minus(Duration.ofMinutes(8));
  private static final Instant STOCK_TIMEOUT = NOW.minus(Duration.ofMinutes(7)).plusMillis(5);
  private static final Instant RETRYING = NOW.minus(Duration.ofMinutes(6));
  private static final Instant OLD_FAILURE = NOW.minus(Duration.ofHours(3));

  /** One more line than a page holds (LogService.PAGE_SIZE = 100), 12 h ago, one second apart. */
  private static final int BATCH_LINES = 101;

  private static final Instant BATCH_START = NOW.minus(Duration.ofHours(12));

  /** Service "nightly": a page and one line, 18 h ago, one second apart; one more comes later. */
  private static final int NIGHTLY_LINES = 101;

  private static final Instant NIGHTLY_START = NOW.minus(Duration.ofHours(18));

  private static final LogSeeds SHOP = new LogSeeds("shop", "");

  /** Signed in once per browser as a viewer: reading logs needs no more. */
  @RegisterExtension
  static final BrowserSession browser = BrowserSession.signedInAs(TestUsers.VIEWER);

  private final ChromeDriver driver = browser.driver();

  @DynamicPropertySource
  static void clickHouse(DynamicPropertyRegistry registry) {
    STORES.register(registry);
    FixedTestClock.register(registry, NOW);
  }

  @BeforeAll
  static void seed() {
    try (ClickHouseStore store = STORES.migrated()) {
      SpanSeeder.create()
          .span(
              CHECKOUT_TRACE,
              "00f067aa0ba902b7",
              "",
              "checkout",
              "POST /checkout",
              "SERVER",
              CART_LOADED,
              Duration.ofMillis(200),
              true,
              "http.route",
              "/checkout")
          .span(
              INVENTORY_TRACE,
              "b7ad6b7169203331",
              "",
              "inventory",
              "GET /items",
              "SERVER",
              STOCK_LOW,
              Duration.ofMillis(80),
              true,
              "",
              "")
          .insertInto(store);
      // The severity text of the timeout is left out: the page names it from its number (17).
      ClickHouseLogWriter.create(store)
          .write(
              List.of(
                  log(CART_LOADED, 9, "INFO", "cart loaded", CHECKOUT_TRACE, "checkout"),
                  log(
                      PAYMENT_DECLINED,
                      17,
                      "ERROR",
                      "payment declined",
                      CHECKOUT_TRACE,
                      "checkout"),
                  log(STOCK_LOW, 13, "WARN", "stock low for sku 42", INVENTORY_TRACE, "inventory"),
                  log(
                      STOCK_TIMEOUT,
                      17,
                      "",
                      "stock lookup timed out",
                      INVENTORY_TRACE,
                      "inventory"),
                  log(RETRYING, 5, "DEBUG", "<b>retrying</b> payment", "", "checkout"),
                  log(
                      OLD_FAILURE,
                      17,
                      "ERROR",
                      "payment failed long ago",
                      CHECKOUT_TRACE,
                      "checkout")));
      List<LogRecord> batch = new ArrayList<>();
      for (int i = 0; i < BATCH_LINES; i++) {
        batch.add(log(BATCH_START.plusSeconds(i), 9, "INFO", "job step " + i, "", "batch"));
      }
      for (int i = 0; i < NIGHTLY_LINES; i++) {
        batch.add(nightly(i));
      }
      ClickHouseLogWriter.create(store).write(batch);
    }
  }

  @BeforeEach
  void openLogsPage() {
    driver.get(browser.url("/logs"));
    waitForText(By.id("logs-grid"), "cart loaded");
  }

  /** The default window is the last hour: the 3-hour-old failure is not in it. */
  @Test
  void showsTheLastHoursLinesNewestFirstAsText() {
    assertRows(
        List.of(
            row(RETRYING, "checkout", "DEBUG", "<b>retrying</b> payment", ""),
            row(STOCK_TIMEOUT, "inventory", "ERROR", "stock lookup timed out", INVENTORY_TRACE),
            row(STOCK_LOW, "inventory", "WARN", "stock low for sku 42", INVENTORY_TRACE),
            row(PAYMENT_DECLINED, "checkout", "ERROR", "payment declined", CHECKOUT_TRACE),
            row(CART_LOADED, "checkout", "INFO", "cart loaded", CHECKOUT_TRACE)));
    // The markup in the message stays text: no <b> element was made from log data.
    assertThat(driver.findElements(By.cssSelector("#logs-grid b"))).isEmpty();
    Browser.screenshot(driver, "logs");
  }

  @Test
  void severityFilterShowsExactlyTheErrorLinesAndTheirTraceLinksOpenTheTrace() {
    choose("log-level", "ERROR");
    driver.findElement(By.id("log-search")).click();

    assertRows(
        List.of(
            row(STOCK_TIMEOUT, "inventory", "ERROR", "stock lookup timed out", INVENTORY_TRACE),
            row(PAYMENT_DECLINED, "checkout", "ERROR", "payment declined", CHECKOUT_TRACE)));
    Browser.screenshot(driver, "logs-errors");

    // The URL holds the search: opening it again shows the same lines.
    driver.get(driver.getCurrentUrl());
    assertRows(
        List.of(
            row(STOCK_TIMEOUT, "inventory", "ERROR", "stock lookup timed out", INVENTORY_TRACE),
            row(PAYMENT_DECLINED, "checkout", "ERROR", "payment declined", CHECKOUT_TRACE)));

    driver.findElement(By.linkText(CHECKOUT_TRACE)).click();
    Browser.waitFor(driver).until(ExpectedConditions.urlContains("/trace/" + CHECKOUT_TRACE));
    assertThat(waitForText(By.id("spans-grid"), "POST /checkout").getText()).contains("ERROR");
  }

  @Test
  void textSearchMatchesSubstringsOfTheMessageOverTheChosenWindow() {
    choose("time-range", "Last 6 hours");
    // Enter in a filter searches, with the value just typed.
    input("log-text").sendKeys("payment", Keys.ENTER);

    assertRows(
        List.of(
            row(RETRYING, "checkout", "DEBUG", "<b>retrying</b> payment", ""),
            row(PAYMENT_DECLINED, "checkout", "ERROR", "payment declined", CHECKOUT_TRACE),
            row(OLD_FAILURE, "checkout", "ERROR", "payment failed long ago", CHECKOUT_TRACE)));
  }

  @Test
  void serviceAndTraceIdFiltersNarrowTheLines() {
    input("log-service").sendKeys("inventory", Keys.ENTER);
    driver.findElement(By.id("log-search")).click();
    assertRows(
        List.of(
            row(STOCK_TIMEOUT, "inventory", "ERROR", "stock lookup timed out", INVENTORY_TRACE),
            row(STOCK_LOW, "inventory", "WARN", "stock low for sku 42", INVENTORY_TRACE)));

    input("log-service").sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE, Keys.TAB);
    input("log-trace-id").sendKeys(CHECKOUT_TRACE.toUpperCase());
    driver.findElement(By.id("log-search")).click();
    assertRows(
        List.of(
            row(PAYMENT_DECLINED, "checkout", "ERROR", "payment declined", CHECKOUT_TRACE),
            row(CART_LOADED, "checkout", "INFO", "cart loaded", CHECKOUT_TRACE)));
  }

  @Test
  void showMoreLoadsTheNextPageUntilNoneIsLeft() {
    input("log-service").sendKeys("batch", Keys.ENTER);
    choose("time-range", "Last 24 hours");
    driver.findElement(By.id("log-search")).click();

    assertThat(eventually(this::gridSize, 100L)).isEqualTo(100L);
    assertThat(rows().getFirst())
        .isEqualTo(row(BATCH_START.plusSeconds(100), "batch", "INFO", "job step 100", ""));
    driver.findElement(By.id("log-more")).click();

    assertThat(eventually(this::gridSize, (long) BATCH_LINES)).isEqualTo(BATCH_LINES);
    Browser.waitFor(driver)
        .until(ExpectedConditions.invisibilityOfElementLocated(By.id("log-more")));
    driver.executeScript("document.getElementById('logs-grid').scrollToIndex(100)");
    List<String> oldest = row(BATCH_START, "batch", "INFO", "job step 0", "");
    assertThat(eventually(() -> rows().getLast(), oldest)).isEqualTo(oldest);
  }

  /**
   * Auto-refresh loads the lines again as far back as the oldest one shown: the newer line comes on
   * top, the line "Show more" loaded stays, and so does the link's problem.
   */
  @Test
  void autoRefreshKeepsTheLinesShowMoreLoadedAndTheLinksProblem() {
    driver.get(browser.url("/logs?service=nightly&level=LOUD&range=24h&refresh=10s"));
    assertThat(eventually(this::gridSize, 100L)).isEqualTo(100L);
    driver.findElement(By.id("log-more")).click();
    assertThat(eventually(this::gridSize, 101L)).isEqualTo(101L);
    String problem =
        "Unknown severity in the link; use any, TRACE, DEBUG, INFO, WARN, ERROR or FATAL.";
    assertThat(driver.findElement(By.id("log-problem")).getText()).isEqualTo(problem);

    try (ClickHouseStore store = STORES.migrated()) {
      ClickHouseLogWriter.create(store).write(List.of(nightly(NIGHTLY_LINES)));
    }

    // The next refresh (10 s) shows the new line and every line shown before: 101 + 1.
    assertThat(eventually(this::gridSize, 102L)).isEqualTo(102L);
    assertThat(rows().subList(0, 2))
        .isEqualTo(List.of(nightlyRow(NIGHTLY_LINES), nightlyRow(NIGHTLY_LINES - 1)));
    assertThat(driver.findElement(By.id("log-more")).isDisplayed()).isFalse();
    driver.executeScript("document.getElementById('logs-grid').scrollToIndex(101)");
    List<List<String>> oldestTwo = List.of(nightlyRow(1), nightlyRow(0));
    assertThat(eventually(() -> lastTwo(rows()), oldestTwo)).isEqualTo(oldestTwo);
    assertThat(driver.findElement(By.id("log-problem")).getText()).isEqualTo(problem);
  }

  @Test
  void aLinkSetsTheFilters() {
    driver.get(browser.url("/logs?level=error&range=6h"));

    assertRows(
        List.of(
            row(STOCK_TIMEOUT, "inventory", "ERROR", "stock lookup timed out", INVENTORY_TRACE),
            row(PAYMENT_DECLINED, "checkout", "ERROR", "payment declined", CHECKOUT_TRACE),
            row(OLD_FAILURE, "checkout", "ERROR", "payment failed long ago", CHECKOUT_TRACE)));
  }

  @Test
  void aLinkWithAnUnknownSeverityShowsEveryLevelAndSaysSo() {
    driver.get(browser.url("/logs?level=LOUD"));

    assertThat(waitForText(By.id("log-problem"), "Unknown").getText())
        .isEqualTo(
            "Unknown severity in the link; use any, TRACE, DEBUG, INFO, WARN, ERROR or FATAL.");
    assertThat(rows()).hasSize(5);
  }

  @Test
  void aBadTraceIdFilterSaysWhatATraceIdIs() {
    input("log-trace-id").sendKeys("trace-1");
    driver.findElement(By.id("log-search")).click();

    assertThat(waitForText(By.id("log-problem"), "Trace id").getText())
        .isEqualTo("Trace id: a trace id is 32 hexadecimal characters (0-9, a-f).");
  }

  @Test
  void headerBoxOpensAPastedTraceIdAndExplainsABadOne() {
    WebElement box = input("trace-id-search");
    box.sendKeys(" " + INVENTORY_TRACE.toUpperCase() + " ", Keys.ENTER);

    Browser.waitFor(driver).until(ExpectedConditions.urlContains("/trace/" + INVENTORY_TRACE));
    assertThat(waitForText(By.id("spans-grid"), "GET /items").getText()).contains("inventory");

    box = input("trace-id-search");
    box.sendKeys("trace-1", Keys.ENTER);
    assertThat(waitForText(By.tagName("vaadin-notification-card"), "Not a trace id").getText())
        .isEqualTo(
            "Not a trace id: a trace id is 32 hexadecimal characters (0-9, a-f),"
                + " e.g. 4bf92f3577b34da6a3ce929d0e0e4736");
    Browser.screenshot(driver, "trace-id-problem");
    assertThat(driver.getCurrentUrl()).endsWith("/trace/" + INVENTORY_TRACE);
  }

  private static LogRecord log(
      Instant time,
      int severity,
      String severityText,
      String body,
      String traceId,
      String service) {
    String spanId = traceId.isEmpty() ? "" : "00f067aa0ba902b7";
    return SHOP.log(time, severity, severityText, body, traceId, spanId, service);
  }

  private static LogRecord nightly(int step) {
    return log(NIGHTLY_START.plusSeconds(step), 9, "INFO", "nightly step " + step, "", "nightly");
  }

  private static List<String> nightlyRow(int step) {
    return row(NIGHTLY_START.plusSeconds(step), "nightly", "INFO", "nightly step " + step, "");
  }

  private static <T> List<T> lastTwo(List<T> list) {
    return list.size() < 2 ? list : list.subList(list.size() - 2, list.size());
  }

  private static List<String> row(
      Instant time, String service, String severity, String message, String traceId) {
    return List.of(SHOWN_TIME.format(time), service, severity, message, traceId);
  }

  private void choose(String selectId, String label) {
    Browser.choose(driver, selectId, label);
  }

  /** The grid's body rows in display order, each as the text of its cells. */
  private List<List<String>> rows() {
    return GridRows.read(driver, "logs-grid");
  }

  /** The input inside a Vaadin field, once the field's web component has made it. */
  private WebElement input(String fieldId) {
    return Browser.waitFor(driver)
        .until(ExpectedConditions.elementToBeClickable(By.cssSelector("#" + fieldId + " input")));
  }

  private long gridSize() {
    // -1 while a page being opened has no grid yet.
    return (Long)
        driver.executeScript(
            "const grid = document.getElementById('logs-grid');"
                + " return grid && grid.size != null ? grid.size : -1");
  }

  private void assertRows(List<List<String>> expected) {
    assertThat(eventually(this::rows, expected)).isEqualTo(expected);
  }

  /**
   * What {@code read} returns once it equals {@code expected}, or after the browser wait's deadline
   * what it returns then, so a failing assertion shows what the page holds.
   */
  private <T> T eventually(Supplier<T> read, T expected) {
    try {
      Browser.waitFor(driver).until(d -> read.get().equals(expected));
    } catch (TimeoutException e) {
      // Fall through to the caller's assertion.
    }
    return read.get();
  }

  private WebElement waitForText(By locator, String text) {
    return Browser.waitForText(driver, locator, text);
  }
}
