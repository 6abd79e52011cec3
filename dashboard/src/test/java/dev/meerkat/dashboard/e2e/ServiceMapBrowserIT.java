package dev.meerkat.dashboard.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meerkat.dashboard.MeerkatDashboardApplication;
import dev.meerkat.dashboard.testing.FixedTestClock;
import dev.meerkat.dashboard.testing.ServiceColourGolden;
import dev.meerkat.dashboard.testing.SpanSeeder;
import dev.meerkat.dashboard.testing.TestStores;
import dev.meerkat.dashboard.testing.TestUsers;
import dev.meerkat.store.clickhouse.ClickHouseStore;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The service map in a real headless Chromium over seeded spans, the clock fixed at {@link #NOW}.
 * In the last hour (3600 s): frontend called checkout 12 times (3 failed, 100 ms; 9 ok, 1 ms) and
 * api.stripe.com 4 times (1 failed); checkout called PostgreSQL 30 times, produced 6 Kafka messages
 * and called a host named like an HTML tag twice; "cron jobs" only ran alone. A call from frontend
 * two hours ago must not show up.
 */
@SpringBootTest(
    classes = {MeerkatDashboardApplication.class, FixedTestClock.class},
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "meerkat.slo.evaluation-enabled=false")
class ServiceMapBrowserIT {

  private static final Instant NOW = Instant.parse("2026-11-30T10:00:00Z");
  private static final Instant HALF_AN_HOUR_AGO = NOW.minus(Duration.ofMinutes(30));
  private static final TestStores STORES = TestStores.create("meerkat-map-state-");

  /** A peer host name that runs script if the tooltip puts it into innerHTML unescaped. */
  private static final String MARKUP = "<img src=x onerror=\"window.__xss=1\">";

  /**
   * Latency buckets are powers of 2^(1/4) µs: 1 ms lies in (2^9.75, 2^10], 100 ms in (.., 2^16.75].
   */
  private static final String P99_1MS = "1.02 ms";

  private static final String P99_100MS = "110.22 ms";

  private static final String LAST_HOUR =
      "7 nodes, 5 connections (last 1 hour). Click a service to open its page.";

  @RegisterExtension
  static final BrowserSession browser = BrowserSession.signedInAs(TestUsers.EDITOR);

  private final ChromeDriver driver = browser.driver();
  private static int spans;

  @DynamicPropertySource
  static void stores(DynamicPropertyRegistry registry) {
    STORES.register(registry);
    FixedTestClock.register(registry, NOW);
  }

  @BeforeAll
  static void seed() {
    SpanSeeder seeder = SpanSeeder.create();
    add(seeder, 6, "frontend", "SERVER", 1, false, "", "");
    add(seeder, 9, "frontend", "CLIENT", 1, false, "peer.service", "checkout");
    add(seeder, 3, "frontend", "CLIENT", 100, true, "peer.service", "checkout");
    add(seeder, 3, "frontend", "CLIENT", 1, false, "server.address", "api.stripe.com");
    add(seeder, 1, "frontend", "CLIENT", 1, true, "server.address", "api.stripe.com");
    add(seeder, 12, "checkout", "SERVER", 1, false, "", "");
    add(seeder, 30, "checkout", "CLIENT", 1, false, "db.system", "postgresql");
    add(seeder, 6, "checkout", "PRODUCER", 1, false, "messaging.system", "kafka");
    add(seeder, 2, "checkout", "CLIENT", 1, false, "server.address", MARKUP);
    add(seeder, 2, "cron jobs", "INTERNAL", 1, false, "", "");
    seeder.span(
        "old",
        "old",
        "",
        "frontend",
        "GET legacy",
        "CLIENT",
        NOW.minus(Duration.ofHours(2)),
        Duration.ofMillis(1),
        false,
        "peer.service",
        "legacy");
    try (ClickHouseStore store = STORES.migrated()) {
      seeder.insertInto(store);
    }
  }

  @Test
  void drawsEveryServiceAndPeerCallersLeftWithServiceColoursAndShapesByType() {
    openMap("/map?range=1h", LAST_HOUR);
    Map<String, String> colours = ServiceColourGolden.read();

    // Columns 320 apart, rows 110 apart (service-map.ts): callers left, each column by name.
    assertThat(chartNodes())
        .containsExactly(
            List.of("cron jobs", "circle", colours.get("cron jobs"), 0L, 0L),
            List.of("frontend", "circle", colours.get("frontend"), 0L, 110L),
            List.of("api.stripe.com", "triangle", "#8c8c8c", 320L, 0L),
            List.of("checkout", "circle", colours.get("checkout"), 320L, 110L),
            List.of(MARKUP, "triangle", "#8c8c8c", 640L, 0L),
            List.of("kafka", "diamond", "#7a6a53", 640L, 110L),
            List.of("postgresql", "roundRect", "#4a5563", 640L, 220L));
    // 3600 s: 2, 6, 30, 4 and 12 calls per hour; failing edges red.
    assertThat(chartEdges())
        .containsExactly(
            List.of("checkout", MARKUP, "0.000556/s, 0.00 % errors", "#8c8c8c"),
            List.of("checkout", "kafka", "0.00167/s, 0.00 % errors", "#8c8c8c"),
            List.of("checkout", "postgresql", "0.00833/s, 0.00 % errors", "#8c8c8c"),
            List.of("frontend", "api.stripe.com", "0.00111/s, 25.00 % errors", "#e03131"),
            List.of("frontend", "checkout", "0.00333/s, 25.00 % errors", "#e03131"));
    Browser.screenshot(driver, "service-map");
  }

  @Test
  void edgeTooltipShowsRateErrorRateAndP99() {
    openMap("/map", LAST_HOUR);

    hoverBetween("frontend", "checkout");

    WebElement tooltip =
        Browser.waitForText(driver, By.className("meerkat-map-tooltip"), "frontend → checkout");
    assertThat(tooltip.getText())
        .isEqualTo(
            "frontend → checkout (call)\nrate 0.00333 calls/s (12 calls)\nerrors 25.00 %\np99 "
                + P99_100MS);

    hoverBetween("checkout", "postgresql");

    assertThat(
            Browser.waitForText(driver, By.className("meerkat-map-tooltip"), "postgresql")
                .getText())
        .isEqualTo(
            "checkout → postgresql (database)\nrate 0.00833 calls/s (30 calls)\nerrors 0.00 %\np99 "
                + P99_1MS);
  }

  @Test
  void nodeTooltipShowsAMarkupNameAsText() {
    openMap("/map", LAST_HOUR);

    hover(pixelOf(MARKUP));

    assertThat(Browser.waitForText(driver, By.className("meerkat-map-tooltip"), MARKUP).getText())
        .isEqualTo(MARKUP + "\nexternal host");
    assertThat(driver.executeScript("return window.__xss === undefined")).isEqualTo(true);
  }

  @Test
  void clickingAServiceOpensItsServicePageWithTheNameEncoded() {
    openMap("/map", LAST_HOUR);

    hover(pixelOf("cron jobs"));
    new Actions(driver).click().perform();

    Browser.waitFor(driver).until(ExpectedConditions.urlToBe(browser.url("/service/cron%20jobs")));
  }

  @Test
  void clickingAPeerFiresNothing() {
    openMap("/map", LAST_HOUR);
    driver.executeScript(
        "window.__mapClicks = [];"
            + "document.getElementById('service-map').addEventListener('service-click',"
            + " (e) => window.__mapClicks.push(e.detail.service));");

    hover(pixelOf("postgresql"));
    new Actions(driver).click().perform();
    hover(pixelOf("checkout"));
    new Actions(driver).click().perform();

    // Vaadin navigates in the page: the listener's record survives the move to checkout's page.
    Browser.waitFor(driver).until(ExpectedConditions.urlToBe(browser.url("/service/checkout")));
    assertThat(driver.executeScript("return window.__mapClicks")).isEqualTo(List.of("checkout"));
  }

  @Test
  void anEmptyWindowExplainsInsteadOfDrawingAnEmptyCanvas() {
    openMap(
        "/map?range=5m",
        "No service sent spans (last 5 minutes). Choose a longer time range, or attach the Meerkat"
            + " agent to a service (-javaagent:meerkat-agent.jar) and send it some requests.");

    // Vaadin does not even send an invisible component to the browser.
    assertThat(driver.findElements(By.id("service-map")).stream().filter(WebElement::isDisplayed))
        .isEmpty();
  }

  @Test
  void anUnknownRangeSaysWhatToUseAndShowsTheLastHour() {
    openMap("/map?range=2x", LAST_HOUR);

    assertThat(driver.findElement(By.id("time-problem")).getText())
        .isEqualTo(
            "Unknown range '2x': use 5m, 15m, 30m, 1h, 3h, 6h, 12h, 24h, 2d, 7d or 30d."
                + " Showing last 1 hour instead.");
  }

  @Test
  void aFixedWindowFromTheLinkCountsOnlyItsMinutes() {
    // The minute 09:30 holds the first 60 spans: frontend's 6 SERVER spans, its 12 calls to
    // checkout (3 failed) and 4 to api.stripe.com (1 failed), checkout's 12 SERVER spans and the
    // first 26 of its 30 PostgreSQL calls. Rates per second over those 60 s.
    openMap(
        "/map?from=2026-11-30T09:30:00Z&to=2026-11-30T09:31:00Z",
        "4 nodes, 3 connections (2026-11-30 09:30:00 UTC to 2026-11-30 09:31:00 UTC)."
            + " Click a service to open its page.");

    assertThat(chartEdges())
        .containsExactly(
            List.of("checkout", "postgresql", "0.433/s, 0.00 % errors", "#8c8c8c"),
            List.of("frontend", "api.stripe.com", "0.0667/s, 25.00 % errors", "#e03131"),
            List.of("frontend", "checkout", "0.2/s, 25.00 % errors", "#e03131"));
  }

  @Test
  void frontendGivesTheGoldenColours() {
    openMap("/map", LAST_HOUR);
    WebElement map = driver.findElement(By.id("service-map"));

    Map<String, String> inBrowser = new LinkedHashMap<>();
    ServiceColourGolden.read()
        .keySet()
        .forEach(
            name ->
                inBrowser.put(
                    name,
                    (String)
                        driver.executeScript(
                            "return arguments[0].colourOf(arguments[1])", map, name)));

    assertThat(inBrowser).containsExactlyEntriesOf(ServiceColourGolden.read());
  }

  private void openMap(String path, String message) {
    driver.get(browser.url(path));
    assertThat(Browser.waitForText(driver, By.id("service-map-message"), message).getText())
        .isEqualTo(message);
  }

  /** Per node: name, symbol, colour, x, y, as ECharts holds them. */
  @SuppressWarnings("unchecked")
  private List<List<Object>> chartNodes() {
    return (List<List<Object>>)
        driver.executeScript(
            "return document.getElementById('service-map').chartOption().series[0].data"
                + ".map((n) => [n.name, n.symbol, n.itemStyle.color, n.x, n.y]);");
  }

  /** Per edge: source, target, label text, line colour, as ECharts holds them. */
  @SuppressWarnings("unchecked")
  private List<List<Object>> chartEdges() {
    return (List<List<Object>>)
        driver.executeScript(
            "return document.getElementById('service-map').chartOption().series[0].links"
                + ".map((e) => [e.source, e.target, e.label.formatter(), e.lineStyle.color]);");
  }

  /** A point 40 % of the way from one node to the other: on the edge, clear of its label. */
  private void hoverBetween(String source, String target) {
    List<Number> from = pixelOf(source);
    List<Number> to = pixelOf(target);
    hover(
        List.of(
            from.get(0).doubleValue() + 0.4 * (to.get(0).doubleValue() - from.get(0).doubleValue()),
            from.get(1).doubleValue()
                + 0.4 * (to.get(1).doubleValue() - from.get(1).doubleValue())));
  }

  @SuppressWarnings("unchecked")
  private List<Number> pixelOf(String name) {
    WebElement map = driver.findElement(By.id("service-map"));
    driver.executeScript("arguments[0].scrollIntoView({block: 'center'})", map);
    return (List<Number>)
        driver.executeScript("return arguments[0].pixelOf(arguments[1])", map, name);
  }

  /** Moves the real mouse to a pixel of the map (Selenium offsets count from its centre). */
  private void hover(List<Number> pixel) {
    WebElement map = driver.findElement(By.id("service-map"));
    int x = (int) Math.round(pixel.get(0).doubleValue() - map.getSize().getWidth() / 2.0);
    int y = (int) Math.round(pixel.get(1).doubleValue() - map.getSize().getHeight() / 2.0);
    new Actions(driver).moveToElement(map, x, y).perform();
  }

  /** {@code count} spans of one kind, one a second from half an hour ago, each its own trace. */
  private static void add(
      SpanSeeder seeder,
      int count,
      String service,
      String kind,
      long millis,
      boolean error,
      String key,
      String value) {
    for (int i = 0; i < count; i++, spans++) {
      seeder.span(
          "trace-" + spans,
          "span-" + spans,
          "",
          service,
          "op " + value,
          kind,
          HALF_AN_HOUR_AGO.plusSeconds(spans),
          Duration.ofMillis(millis),
          error,
          key,
          value);
    }
  }
}
