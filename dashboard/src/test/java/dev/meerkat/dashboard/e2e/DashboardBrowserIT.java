package dev.meerkat.dashboard.e2e;

import static dev.meerkat.dashboard.e2e.GridCells.cell;
import static dev.meerkat.dashboard.e2e.GridCells.cellTexts;
import static org.assertj.core.api.Assertions.assertThat;

import dev.meerkat.dashboard.alerting.domain.AlertStatus;
import dev.meerkat.dashboard.alerting.domain.Severity;
import dev.meerkat.dashboard.alerting.service.AlertStore;
import dev.meerkat.dashboard.testing.SpanSeeder;
import dev.meerkat.dashboard.testing.TestStores;
import dev.meerkat.dashboard.testing.TestUsers;
import dev.meerkat.store.clickhouse.ClickHouseStore;
import dev.meerkat.store.slo.AlertState;
import dev.meerkat.store.slo.SloDefinition;
import dev.meerkat.store.slo.SloRepository;
import dev.meerkat.store.slo.SloSpec;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The pages a user opens, in a real headless Chromium, over a seeded ClickHouse. */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "meerkat.slo.evaluation-enabled=false")
class DashboardBrowserIT {

  private static final TestStores STORES = TestStores.create("meerkat-dashboard-data-");
  private static final Duration MS = Duration.ofMillis(1);

  /** The embedded H2 state store goes here, not into the working directory. */
  /** Signed in once per browser as the editor: these tests are about the pages, not sign-in. */
  @RegisterExtension
  static final BrowserSession browser = BrowserSession.signedInAs(TestUsers.EDITOR);

  private final ChromeDriver driver = browser.driver();

  @Autowired private SloRepository slos;
  @Autowired private AlertStore alerts;

  @DynamicPropertySource
  static void clickHouse(DynamicPropertyRegistry registry) {
    STORES.register(registry);
  }

  @BeforeAll
  static void seed() {
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    try (ClickHouseStore store = STORES.migrated()) {
      Instant t = now.minus(Duration.ofMinutes(2));
      SpanSeeder.create()
          .span(
              "trace-1",
              "root",
              "",
              "checkout",
              "POST /checkout",
              "SERVER",
              t,
              MS.multipliedBy(42),
              false,
              "http.route",
              "/checkout")
          .withEventAndLink(
              t,
              7,
              "exception",
              "exception.type",
              "CheckoutError",
              "trace-linked",
              "span-linked",
              "link.reason",
              "retry")
          .span(
              "trace-1",
              "call",
              "root",
              "checkout",
              "GET inventory",
              "CLIENT",
              t.plusMillis(3),
              MS.multipliedBy(30),
              false,
              "peer.service",
              "inventory")
          .span(
              "trace-1",
              "items",
              "call",
              "inventory",
              "GET /items",
              "SERVER",
              t.plusMillis(5),
              MS.multipliedBy(25),
              true,
              "db.system",
              "clickhouse")
          .requests(
              40,
              "checkout",
              "GET /cart",
              "SERVER",
              now.minus(Duration.ofMinutes(5)),
              MS.multipliedBy(8),
              false)
          .requests(
              2,
              "checkout",
              "GET /cart",
              "SERVER",
              now.minus(Duration.ofMinutes(4)),
              MS.multipliedBy(8),
              true)
          .requests(
              30,
              "inventory",
              "GET /items",
              "SERVER",
              now.minus(Duration.ofMinutes(3)),
              MS.multipliedBy(3),
              false)
          .insertInto(store);
    }
  }

  @Test
  void servicesTracesAndWaterfallRender() {
    driver.get(browser.url("/"));
    WebElement services = waitForText(By.id("services-grid"), "inventory");
    assertThat(services.getText()).contains("checkout", "inventory", "%", "ms");

    Browser.clickBesideLink(driver, cell(services, "checkout"));
    Browser.waitFor(driver)
        .until(
            ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("meerkat-latency-chart canvas")));
    Browser.screenshot(driver, "services-latency");

    driver.findElement(By.id("traces-link")).click();
    WebElement traces = waitForText(By.id("traces-grid"), "POST /checkout");
    Browser.screenshot(driver, "traces");

    cell(traces, "POST /checkout").click();
    Browser.waitFor(driver).until(ExpectedConditions.urlContains("/trace/trace-1"));
    Browser.waitFor(driver)
        .until(
            ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("meerkat-trace-waterfall canvas")));
    WebElement spans = waitForText(By.id("spans-grid"), "GET /items");
    assertThat(spans.getText())
        .contains(
            "POST /checkout", "GET inventory", "GET /items", "checkout", "inventory", "ERROR");
    assertThat(waitForText(By.id("attributes-grid"), "http.route").getText()).contains("/checkout");
    // The root span is selected: its event 7 ms in, and its link (headers, then the one row).
    assertThat(cellTexts(waitForText(By.id("events-grid"), "exception")))
        .containsExactlyInAnyOrder(
            "Into span",
            "Event",
            "Attributes",
            "7.00 ms",
            "exception",
            "exception.type=CheckoutError");
    assertThat(cellTexts(waitForText(By.id("links-grid"), "trace-linked")))
        .containsExactlyInAnyOrder(
            "Linked trace",
            "Linked span",
            "Attributes",
            "trace-linked",
            "span-linked",
            "link.reason=retry");
    Browser.screenshot(driver, "trace");
  }

  /**
   * The SLO form shows the engine's message for a bad objective, saves a valid SLO, the list shows
   * it with its status and budget, and its page shows the burn rates. Cart: 42 requests, 2 bad, on
   * a 75 % objective (1 - 0.75 = 0.25 exactly): burn rate 2 / 42 / 0.25 = 0.19 in every window from
   * 30 m to 3 d; budget left 1 - 2 / (0.25 * 42) = 80.95 %.
   */
  @Test
  void sloFormListDetailAndAlertPagesRender() {
    // Inventory: GET /items 30 good and 1 failed (trace-1) on 99 %: budget left
    // 1 - 1 / (0.01 * 31) = -222.58 %, and its page alert fires: it comes first in the list.
    Instant now = Instant.now();
    slos.save(
        new SloDefinition(
            "inventory-availability",
            0,
            "Inventory availability",
            "inventory",
            0.99,
            Duration.ofDays(30),
            0,
            "",
            now,
            new SloSpec("availability", 0, List.of(), "30d", 10, "")));
    alerts.recordChange(
        AlertStatus.initial("inventory-availability", Severity.PAGE)
            .changeTo(AlertState.FIRING, now),
        Optional.empty());

    driver.get(browser.url("/slos"));
    waitForText(By.id("slo-form"), "Objective");
    driver.findElement(By.cssSelector("#slo-id input")).sendKeys("cart-availability");
    driver.findElement(By.cssSelector("#slo-name input")).sendKeys("Cart availability");
    driver.findElement(By.cssSelector("#slo-service input")).sendKeys("checkout", Keys.ENTER);
    driver.findElement(By.cssSelector("#slo-operations input")).sendKeys("GET /cart");
    WebElement objective = driver.findElement(By.cssSelector("#slo-objective input"));
    objective.sendKeys(Keys.chord(Keys.CONTROL, "a"), "100");
    driver.findElement(By.id("slo-save")).click();
    waitForText(
        By.id("slo-problems"),
        "objective must be a percentage between 0 and 100 (exclusive), e.g. 99.9, was 100.0");
    Browser.screenshot(driver, "slo-form-problem");

    objective.sendKeys(Keys.chord(Keys.CONTROL, "a"), "75");
    driver.findElement(By.id("slo-save")).click();
    WebElement grid = waitForText(By.id("slos-grid"), "Cart availability");
    assertThat(grid.getText())
        .contains("availability of GET /cart", "75 %", "28d", "80.95 %", "0.19", "ok", "dashboard");
    assertThat(grid.findElements(By.tagName("vaadin-grid-cell-content")))
        .extracting(WebElement::getText)
        .containsSubsequence(
            "Inventory availability",
            "-222.58 %",
            "page firing",
            "Cart availability",
            "80.95 %",
            "ok");
    Browser.screenshot(driver, "slos");

    driver.findElement(By.linkText("Cart availability")).click();
    Browser.waitFor(driver).until(ExpectedConditions.urlContains("/slos/cart-availability"));
    WebElement burnRates = waitForText(By.id("burn-rates"), "3d");
    for (String window : new String[] {"30m", "1h", "2h", "6h", "1d", "3d"}) {
      assertThat(cell(burnRates, window)).isNotNull();
    }
    assertThat(burnRates.findElements(By.tagName("vaadin-grid-cell-content")))
        .extracting(WebElement::getText)
        .containsSubsequence("1h", "0.19", "2h", "0.19", "6h", "0.19", "1d", "0.19", "3d", "0.19");
    assertThat(driver.findElement(By.id("slo-summary")).getText()).contains("80.95 %", "ok");
    // The burn-down is drawn (a line from the period start at 100 % down to 80.95 %).
    assertThat(driver.findElements(By.cssSelector("#burn-down polyline"))).isNotEmpty();
    assertThat(driver.findElements(By.cssSelector("#sli-chart polyline"))).isNotEmpty();
    // What burned the budget: GET /cart's 2 failures (no status message), linked to their traces.
    WebElement burners = waitForText(By.id("budget-burners"), "GET /cart");
    assertThat(burners.getText()).contains("(no message)", "2");
    Browser.screenshot(driver, "slo-detail");
    WebElement traceLink = burners.findElements(By.cssSelector("a.trace-link")).getFirst();
    driver.executeScript("arguments[0].scrollIntoView({block: 'center'})", traceLink);
    traceLink.click();
    Browser.waitFor(driver).until(ExpectedConditions.urlContains("/trace/trace-checkout-"));
    assertThat(waitForText(By.id("spans-grid"), "GET /cart").getText()).contains("ERROR");

    driver.get(browser.url("/alerts"));
    waitForText(By.id("alerts-grid"), "Delivery");
    Browser.screenshot(driver, "alerts");
  }

  private WebElement waitForText(By locator, String text) {
    Browser.waitFor(driver)
        .until(ExpectedConditions.textToBePresentInElementLocated(locator, text));
    return driver.findElement(locator);
  }
}
