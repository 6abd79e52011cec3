package dev.meerkat.dashboard.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meerkat.dashboard.testing.LatencyBucketBounds;
import dev.meerkat.dashboard.testing.SpanSeeder;
import dev.meerkat.dashboard.testing.TemporaryDirectories;
import dev.meerkat.dashboard.testing.TestUsers;
import dev.meerkat.store.clickhouse.ClickHouseConfig;
import dev.meerkat.store.clickhouse.ClickHouseStore;
import dev.meerkat.store.clickhouse.SchemaMigrator;
import dev.meerkat.store.clickhouse.testing.ClickHouseFixture;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The services page over a database that starts empty (the empty state shows how to attach the
 * agent), then holds seeded spans: p50/p95/p99 per service and the search box.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "meerkat.slo.evaluation-enabled=false")
class ServicesPageBrowserIT {

  private static final ClickHouseConfig DATABASE = ClickHouseFixture.shared().newDatabaseConfig();
  private static final Path STATE_DIR = TemporaryDirectories.create("meerkat-services-page-");
  private static final Duration MS = Duration.ofMillis(1);
  private static final Set<String> SERVICES = Set.of("checkout", "checkout-worker", "inventory");

  private static ChromeDriver driver;

  @LocalServerPort private int port;

  @DynamicPropertySource
  static void clickHouse(DynamicPropertyRegistry registry) {
    registry.add("meerkat.clickhouse.url", DATABASE::url);
    registry.add("meerkat.clickhouse.database", DATABASE::database);
    registry.add("meerkat.data-dir", () -> STATE_DIR.toString());
  }

  @BeforeAll
  static void createEmptyTablesAndStartBrowser() {
    try (ClickHouseStore store = ClickHouseStore.connect(DATABASE)) {
      SchemaMigrator.create(store).migrate();
    }
    driver = Browser.start();
  }

  @AfterAll
  static void stopBrowser() {
    if (driver != null) {
      driver.quit();
    }
  }

  @Test
  void showsTheAgentOnAnEmptyDatabaseThenQuantilesAndSearchOverSeededSpans() {
    Browser.signIn(driver, url(""), TestUsers.EDITOR);
    driver.get(url("/"));
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

    seedCheckoutWorkerAndInventory();
    driver.get(url("/"));
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
    assertThat(serviceNames(grid)).containsExactly("checkout", "checkout-worker", "inventory");
    Browser.screenshot(driver, "services");

    driver.findElement(By.cssSelector("#service-search input")).sendKeys("CHECK");
    Browser.waitFor(driver)
        .withMessage("rows for 'CHECK' should be exactly checkout, checkout-worker")
        .until(d -> serviceNames(grid).equals(List.of("checkout", "checkout-worker")));

    driver.findElement(By.cssSelector("#service-search input")).sendKeys("out-w");
    Browser.waitFor(driver)
        .withMessage("rows for 'CHECKout-w' should be exactly checkout-worker")
        .until(d -> serviceNames(grid).equals(List.of("checkout-worker")));
  }

  private static void seedCheckoutWorkerAndInventory() {
    Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofMinutes(2));
    try (ClickHouseStore store = ClickHouseStore.connect(DATABASE)) {
      SpanSeeder.create()
          .requests(60, "checkout", "GET /cart", "SERVER", start, MS.multipliedBy(2), false)
          .requests(37, "checkout", "GET /cart", "SERVER", start, MS.multipliedBy(8), false)
          .requests(3, "checkout", "GET /cart", "SERVER", start, MS.multipliedBy(40), false)
          .requests(5, "checkout-worker", "charge", "CONSUMER", start, MS.multipliedBy(3), false)
          .requests(5, "inventory", "GET /items", "SERVER", start, MS.multipliedBy(3), false)
          .insertInto(store);
    }
  }

  private static String millis(Duration duration) {
    return String.format(Locale.ROOT, "%.2f ms", LatencyBucketBounds.upperMillis(duration));
  }

  private String url(String path) {
    return "http://127.0.0.1:" + port + path;
  }

  /** The service names the grid shows, in row order (hidden rows have no visible text). */
  private static List<String> serviceNames(WebElement grid) {
    return cellTexts(grid).stream().filter(SERVICES::contains).toList();
  }

  private static List<String> cellTexts(WebElement grid) {
    return grid.findElements(By.tagName("vaadin-grid-cell-content")).stream()
        .map(WebElement::getText)
        .filter(text -> !text.isEmpty())
        .toList();
  }
}
