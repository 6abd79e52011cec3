package dev.meerkat.dashboard.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meerkat.dashboard.MeerkatDashboardApplication;
import dev.meerkat.dashboard.testing.FixedTestClock;
import dev.meerkat.dashboard.testing.SpanSeeder;
import dev.meerkat.dashboard.testing.TestStores;
import dev.meerkat.dashboard.testing.TestUsers;
import dev.meerkat.store.clickhouse.ClickHouseStore;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The trace explorer in a real headless Chromium over seeded spans, the clock fixed at {@link
 * #NOW}. Checkout served 120 single-span traces in the last hour, request {@code i} starting at
 * {@code NOW - 59 min + 25 s * i} and lasting {@code 5 + 20 * (i % 4)} ms (5, 25, 45, 65), every
 * fifth failed; a slow search service and an old slow checkout trace must never show up.
 */
@SpringBootTest(
    classes = {MeerkatDashboardApplication.class, FixedTestClock.class},
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "meerkat.slo.evaluation-enabled=false")
class TraceExplorerBrowserIT {

  private static final Instant NOW = Instant.parse("2026-11-30T10:00:00Z");
  private static final TestStores STORES = TestStores.create("meerkat-explorer-state-");
  private static final int REQUESTS = 120;
  private static final int PAGE_SIZE = 50;

  /** An operation name that runs script if any page puts it into innerHTML unescaped. */
  private static final String MARKUP = "<img src=x onerror=\"window.__xss=1\">";

  @RegisterExtension
  static final BrowserSession browser = BrowserSession.signedInAs(TestUsers.EDITOR);

  private final ChromeDriver driver = browser.driver();

  @DynamicPropertySource
  static void stores(DynamicPropertyRegistry registry) {
    STORES.register(registry);
    FixedTestClock.register(registry, NOW);
  }

  @BeforeAll
  static void seed() {
    SpanSeeder seeder = SpanSeeder.create();
    for (int i = 0; i < REQUESTS; i++) {
      seeder.span(
          traceId(i),
          "a0" + i,
          "",
          "checkout",
          "POST /pay",
          "SERVER",
          start(i),
          Duration.ofMillis(millis(i)),
          failed(i),
          "http.route",
          "/pay");
    }
    for (int i = 0; i < 5; i++) {
      seeder.span(
          traceId(1000 + i),
          "b0" + i,
          "",
          "search",
          "GET /find",
          "SERVER",
          NOW.minusSeconds(600 + i),
          Duration.ofMillis(500),
          false,
          "",
          "");
    }
    seeder.span(
        traceId(3000),
        "d0",
        "",
        "xss",
        MARKUP,
        "SERVER",
        NOW.minusSeconds(300),
        Duration.ofMillis(7),
        false,
        "",
        "");
    seeder.span(
        traceId(2000),
        "c0",
        "",
        "checkout",
        "POST /pay",
        "SERVER",
        NOW.minus(Duration.ofHours(2)),
        Duration.ofMillis(900),
        false,
        "",
        "");
    try (ClickHouseStore store = STORES.migrated()) {
      seeder.insertInto(store);
    }
  }

  @Test
  void searchesByServiceAndMinimumDurationAndKeepsTheSearchInTheUrl() {
    List<String> expected = checkoutTracesAtLeast(40);
    assertThat(expected).hasSize(60);

    driver.get(browser.url("/explore"));
    WebElement service =
        Browser.waitFor(driver)
            .until(
                ExpectedConditions.elementToBeClickable(By.cssSelector("#explorer-service input")));
    service.sendKeys("checkout", Keys.TAB);
    driver.findElement(By.cssSelector("#explorer-min input")).sendKeys("40", Keys.TAB);
    driver.findElement(By.id("explorer-search")).click();

    Browser.waitFor(driver).until(d -> d.getCurrentUrl().contains("minDurationMs"));
    assertThat(Browser.queryOf(driver.getCurrentUrl()))
        .isEqualTo(
            Map.of(
                "service", List.of("checkout"),
                "minDurationMs", List.of("40"),
                "range", List.of("1h")));
    assertThat(awaitTraceIds(expected.getFirst())).isEqualTo(expected.subList(0, PAGE_SIZE));
    assertThat(scatterTraceIds()).isEqualTo(expected.subList(0, PAGE_SIZE));
    Browser.screenshot(driver, "trace-explorer");

    String link = driver.getCurrentUrl();
    driver.get(browser.url("/services"));
    driver.get(link);
    assertThat(awaitTraceIds(expected.getFirst())).isEqualTo(expected.subList(0, PAGE_SIZE));
    assertThat(fieldValue("#explorer-min input")).isEqualTo("40");
  }

  @Test
  void nextPageShowsTheRestAndIsThenDisabled() {
    List<String> expected = checkoutTracesAtLeast(40);
    driver.get(browser.url("/explore?service=checkout&minDurationMs=40&range=1h"));
    awaitTraceIds(expected.getFirst());

    driver.findElement(By.id("explorer-next-page")).click();

    assertThat(awaitTraceIds(expected.get(PAGE_SIZE)))
        .isEqualTo(expected.subList(PAGE_SIZE, expected.size()));
    assertThat(Browser.queryOf(driver.getCurrentUrl())).containsKey("cursor");
    // Selenium's isEnabled() only knows native form controls: ask the vaadin-button itself.
    assertThat(driver.findElement(By.id("explorer-next-page")).getDomProperty("disabled"))
        .isEqualTo("true");
    assertThat(driver.findElement(By.id("explorer-first-page")).getDomProperty("disabled"))
        .isEqualTo("false");
  }

  @Test
  void clickingAScatterPointOpensThatTrace() {
    // Request 115: 45 ms, failed (115 % 5 == 0), among the newest results.
    String wanted = traceId(115);
    assertThat(checkoutTracesAtLeast(40)).contains(wanted);
    driver.get(browser.url("/explore?service=checkout&minDurationMs=40"));
    awaitTraceIds(checkoutTracesAtLeast(40).getFirst());
    hoverPoint(wanted);
    new Actions(driver).click().perform();

    Browser.waitFor(driver).until(ExpectedConditions.urlToBe(browser.url("/trace/" + wanted)));
    assertThat(Browser.waitForText(driver, By.tagName("h2"), wanted).getText())
        .isEqualTo("Trace " + wanted);
  }

  @Test
  void clickingARowOpensThatTrace() {
    List<String> expected = checkoutTracesAtLeast(40);
    driver.get(browser.url("/explore?service=checkout&minDurationMs=40"));
    awaitTraceIds(expected.getFirst());

    WebElement cell =
        driver.findElements(By.tagName("vaadin-grid-cell-content")).stream()
            .filter(c -> c.getText().equals(expected.get(2)))
            .findFirst()
            .orElseThrow();
    // The page scrolls inside the app layout, which Selenium's own scrolling does not reach.
    driver.executeScript("arguments[0].scrollIntoView({block: 'center'})", cell);
    cell.click();

    Browser.waitFor(driver)
        .until(ExpectedConditions.urlToBe(browser.url("/trace/" + expected.get(2))));
  }

  @Test
  void scatterTooltipShowsMarkupAsText() {
    String id = traceId(3000);
    driver.get(browser.url("/explore?service=xss"));
    awaitTraceIds(id);

    hoverPoint(id);

    WebElement tooltip =
        Browser.waitForText(driver, By.className("meerkat-scatter-tooltip"), MARKUP);
    assertThat(tooltip.getText())
        .isEqualTo("xss " + MARKUP + "\n7.000 ms\n2026-11-30T09:55:00.000Z\n" + id);
    assertThat(driver.executeScript("return window.__xss === undefined")).isEqualTo(true);
  }

  /**
   * Moves the real mouse onto the point of {@code traceId}, at the pixel the chart reports for it
   * (Selenium offsets count from the element's centre).
   */
  private void hoverPoint(String traceId) {
    WebElement scatter = driver.findElement(By.id("trace-scatter"));
    driver.executeScript("arguments[0].scrollIntoView({block: 'center'})", scatter);
    @SuppressWarnings("unchecked")
    List<Number> pixel =
        (List<Number>)
            driver.executeScript("return arguments[0].pixelOf(arguments[1])", scatter, traceId);
    int x = (int) Math.round(pixel.get(0).doubleValue() - scatter.getSize().getWidth() / 2.0);
    int y = (int) Math.round(pixel.get(1).doubleValue() - scatter.getSize().getHeight() / 2.0);
    new Actions(driver).moveToElement(scatter, x, y).perform();
  }

  /** Checkout traces in the last hour lasting at least {@code minMillis}, newest first. */
  private static List<String> checkoutTracesAtLeast(long minMillis) {
    return IntStream.range(0, REQUESTS)
        .filter(i -> millis(i) >= minMillis)
        .boxed()
        .sorted(Comparator.comparing(TraceExplorerBrowserIT::start).reversed())
        .map(TraceExplorerBrowserIT::traceId)
        .toList();
  }

  private static String traceId(int i) {
    return String.format("%032x", 0xfeed0000L + i);
  }

  private static Instant start(int i) {
    return NOW.minus(Duration.ofMinutes(59)).plusSeconds(25L * i);
  }

  private static long millis(int i) {
    return 5 + 20 * (i % 4);
  }

  private static boolean failed(int i) {
    return i % 5 == 0;
  }

  private List<String> awaitTraceIds(String first) {
    return TraceGrid.awaitTraceIds(driver, "explorer-grid", first);
  }

  @SuppressWarnings("unchecked")
  private List<String> scatterTraceIds() {
    return (List<String>)
        driver.executeScript(
            "return document.getElementById('trace-scatter').points.map((p) => p.traceId);");
  }

  private String fieldValue(String css) {
    return driver.findElement(By.cssSelector(css)).getDomProperty("value");
  }
}
