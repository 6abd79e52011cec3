package dev.meerkat.dashboard.e2e;

import static dev.meerkat.dashboard.e2e.GridCells.cellTexts;
import static org.assertj.core.api.Assertions.assertThat;

import dev.meerkat.dashboard.testing.LatencyBucketBounds;
import dev.meerkat.dashboard.testing.SpanSeeder;
import dev.meerkat.dashboard.testing.TestStores;
import dev.meerkat.dashboard.testing.TestUsers;
import dev.meerkat.dashboard.ui.Formats;
import dev.meerkat.store.clickhouse.ClickHouseStore;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The services page over a database that starts empty (the empty state shows how to attach the
 * agent), then holds seeded spans: p50/p95/p99, Apdex and sparklines per service, sorting, the link
 * to the service page and the search box.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"meerkat.slo.evaluation-enabled=false", "meerkat.apdex.thresholds.checkout=5ms"})
class ServicesPageBrowserIT {

  /** Checkout's Apdex T (above); the other services keep the default 500 ms. */
  private static final Duration CHECKOUT_T = Duration.ofMillis(5);

  /** Seen only through a client span: no requests, so no error rate, Apdex or latency. */
  private static final String CLIENT_ONLY = "mobile app/ios";

  private static final DateTimeFormatter MINUTE =
      DateTimeFormatter.ofPattern("MM-dd HH:mm").withZone(ZoneOffset.UTC);

  private static final TestStores STORES = TestStores.create("meerkat-services-page-");
  private static final Duration MS = Duration.ofMillis(1);
  private static final Set<String> SERVICES =
      Set.of("checkout", "checkout-worker", "inventory", CLIENT_ONLY);

  @RegisterExtension
  static final BrowserSession browser = BrowserSession.signedInAs(TestUsers.EDITOR);

  private final ChromeDriver driver = browser.driver();

  @DynamicPropertySource
  static void clickHouse(DynamicPropertyRegistry registry) {
    STORES.register(registry);
  }

  @BeforeAll
  static void createEmptyTables() {
    STORES.migrate();
  }

  @Test
  void showsTheAgentOnAnEmptyDatabaseThenQuantilesApdexSparklinesSortingAndSearch() {
    driver.get(browser.url("/"));
    Browser.waitForText(driver, By.id("services-empty"), "javaagent");
    assertThat(driver.findElement(By.cssSelector("#services-empty p")).getText())
        .isEqualTo(
            "No service has sent spans in this window. Start your service with the Meerkat agent"
                + " (see \"Using the agent on your own service\" in the README):");
    assertThat(driver.findElement(By.cssSelector("#services-empty pre")).getText())
        .isEqualTo(
            "OTEL_SERVICE_NAME=<your service> \\\n"
                + "OTEL_EXPORTER_OTLP_ENDPOINT=http://<collector>:4318 \\\n"
                + "java -javaagent:meerkat-agent.jar -jar <your service>.jar");
    // Vaadin leaves an invisible component out of the page.
    assertThat(driver.findElements(By.id("services-grid"))).isEmpty();
    Browser.screenshot(driver, "services-empty");

    Instant start = seedCheckoutWorkerAndInventory();
    driver.get(browser.url("/"));
    WebElement grid = Browser.waitForText(driver, By.id("services-grid"), "inventory");
    assertThat(driver.findElements(By.id("services-empty"))).isEmpty();
    // Checkout: 60 requests of 2 ms, 37 of 8 ms, 3 of 40 ms. p50 (rank 50) is a 2 ms one, p95
    // (rank 95 of 100, within 61..97) an 8 ms one, p99 (rank 99, within 98..100) a 40 ms one;
    // each is shown as its bucket's upper bound.
    assertThat(cellTexts(grid))
        .containsSubsequence(
            "Service",
            "p50",
            "p95",
            "p99",
            "checkout",
            millis(MS.multipliedBy(2)),
            millis(MS.multipliedBy(8)),
            millis(MS.multipliedBy(40)),
            "checkout-worker");
    assertThat(serviceNames(grid))
        .containsExactly("checkout", "checkout-worker", "inventory", CLIENT_ONLY);
    assertThat(apdexTexts(grid))
        .containsExactly(
            checkoutApdex(), "1.00 [500 ms]", "0.80 [500 ms]", Formats.NONE + " [500 ms]");
    assertSparklines(grid, start);
    assertThat(
            grid.findElements(By.cssSelector("a.service-link")).stream()
                .map(a -> a.getDomAttribute("href"))
                .toList())
        .containsExactly(
            "service/checkout",
            "service/checkout-worker",
            "service/inventory",
            "service/mobile%20app%2Fios");
    Browser.screenshot(driver, "services");

    sortBy("p99");
    Browser.waitFor(driver)
        .withMessage("p99 ascending, the service without requests last")
        .until(
            d ->
                serviceNames(grid)
                    .equals(List.of("checkout-worker", "inventory", "checkout", CLIENT_ONLY)));
    sortBy("p99");
    Browser.waitFor(driver)
        .withMessage("p99 descending, the service without requests still last")
        .until(
            d ->
                serviceNames(grid)
                    .equals(List.of("checkout", "inventory", "checkout-worker", CLIENT_ONLY)));
    sortBy("Apdex [T]");
    Browser.waitFor(driver)
        .withMessage("Apdex ascending: checkout 0.785, inventory 0.80, checkout-worker 1.00")
        .until(
            d ->
                serviceNames(grid)
                    .equals(List.of("checkout", "inventory", "checkout-worker", CLIENT_ONLY)));

    driver.findElement(By.cssSelector("#service-search input")).sendKeys("CHECK");
    Browser.waitFor(driver)
        .withMessage("rows for 'CHECK' should be exactly checkout, checkout-worker")
        .until(d -> serviceNames(grid).equals(List.of("checkout", "checkout-worker")));

    driver.findElement(By.cssSelector("#service-search input")).sendKeys("out-w");
    Browser.waitFor(driver)
        .withMessage("rows for 'CHECKout-w' should be exactly checkout-worker")
        .until(d -> serviceNames(grid).equals(List.of("checkout-worker")));
  }

  @Test
  void keepsTheTimePickersWindowInTheUrl() {
    driver.get(browser.url("/services?range=1h"));
    Browser.waitFor(driver)
        .withMessage("the time picker should show 1h from the URL")
        .until(d -> "Last 1 hour".equals(selectedRange()));

    driver.findElement(By.id("time-range")).click();
    Browser.waitForText(driver, By.tagName("vaadin-select-list-box"), "Last 6 hours");
    driver.findElements(By.tagName("vaadin-select-item")).stream()
        .filter(item -> item.getText().equals("Last 6 hours"))
        .findFirst()
        .orElseThrow()
        .click();
    Browser.waitFor(driver)
        .withMessage("choosing 6 hours should put range=6h in the URL")
        .until(d -> d.getCurrentUrl().equals(browser.url("/?range=6h")));
    assertThat(selectedRange()).isEqualTo("Last 6 hours");
  }

  private String selectedRange() {
    return driver.findElement(By.cssSelector("#time-range vaadin-select-value-button")).getText();
  }

  /**
   * Apdex of checkout from the seeded durations and the bucket bounds: a request is satisfied when
   * its bucket's upper bound is at most T, tolerating when at most 4T (docs/dashboard.md).
   */
  private static String checkoutApdex() {
    double satisfied = 0;
    double tolerating = 0;
    for (long[] group : new long[][] {{60, 2}, {37, 8}, {3, 40}}) {
      double upper = LatencyBucketBounds.upperMillis(MS.multipliedBy(group[1]));
      if (upper <= CHECKOUT_T.toMillis()) {
        satisfied += group[0];
      } else if (upper <= 4 * CHECKOUT_T.toMillis()) {
        tolerating += group[0];
      }
    }
    // 2 ms satisfied, 8 ms (8.19 <= 20) tolerating, 40 ms (46.3 > 20) frustrated.
    assertThat(satisfied).isEqualTo(60);
    assertThat(tolerating).isEqualTo(37);
    return String.format(Locale.ROOT, "%.2f [5 ms]", (satisfied + tolerating / 2) / 100);
  }

  /**
   * One 1-minute step per minute of the 15-minute window; the seeded minute of each service holds
   * its requests at their rate over 60 s, every other step none.
   */
  private static void assertSparklines(WebElement grid, Instant start) {
    List<WebElement> titles = grid.findElements(By.cssSelector("svg.sparkline title"));
    assertThat(titles).hasSize(4);
    String minute = MINUTE.format(start);
    List<List<String>> busySteps =
        titles.stream()
            .map(t -> t.getDomProperty("textContent").lines().toList())
            .map(lines -> lines.stream().filter(l -> !l.contains(" 0 requests")).toList())
            .toList();
    assertThat(busySteps)
        .containsExactly(
            List.of("Requests per step (UTC)", minute + "  100 requests, 0 failed (1.67/s)"),
            List.of("Requests per step (UTC)", minute + "  5 requests, 0 failed (0.08/s)"),
            List.of("Requests per step (UTC)", minute + "  5 requests, 1 failed (0.08/s)"),
            List.of("Requests per step (UTC)"));
    // 15 or 16 steps: the window's first minute is clipped unless it starts on a whole minute.
    assertThat(titles.getFirst().getDomProperty("textContent").lines().count() - 1)
        .isBetween(15L, 16L);
  }

  private void sortBy(String header) {
    driver.findElements(By.tagName("vaadin-grid-sorter")).stream()
        .filter(sorter -> sorter.getText().equals(header))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no sortable column " + header))
        .click();
  }

  private static Instant seedCheckoutWorkerAndInventory() {
    Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofMinutes(2));
    try (ClickHouseStore store = ClickHouseStore.connect(STORES.database())) {
      SpanSeeder.create()
          .requests(60, "checkout", "GET /cart", "SERVER", start, MS.multipliedBy(2), false)
          .requests(37, "checkout", "GET /cart", "SERVER", start, MS.multipliedBy(8), false)
          .requests(3, "checkout", "GET /cart", "SERVER", start, MS.multipliedBy(40), false)
          .requests(5, "checkout-worker", "charge", "CONSUMER", start, MS.multipliedBy(3), false)
          .requests(4, "inventory", "GET /items", "SERVER", start, MS.multipliedBy(12), false)
          .requests(1, "inventory", "GET /items", "SERVER", start, MS.multipliedBy(12), true)
          .requests(1, CLIENT_ONLY, "GET /cart", "CLIENT", start, MS.multipliedBy(30), false)
          .insertInto(store);
    }
    return start;
  }

  private static String millis(Duration duration) {
    return String.format(Locale.ROOT, "%.2f ms", LatencyBucketBounds.upperMillis(duration));
  }

  /** The service names the grid shows, in row order (hidden rows have no visible text). */
  private static List<String> serviceNames(WebElement grid) {
    return cellTexts(grid).stream().filter(SERVICES::contains).toList();
  }

  /** The Apdex cells ({@code 0.79 [5 ms]}, {@code – [500 ms]}) in row order. */
  private static List<String> apdexTexts(WebElement grid) {
    return cellTexts(grid).stream().filter(t -> t.matches("(\\d\\.\\d\\d|–) \\[\\d+ ms]")).toList();
  }
}
