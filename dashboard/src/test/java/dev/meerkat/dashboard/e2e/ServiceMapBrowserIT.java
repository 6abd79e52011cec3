package dev.meerkat.dashboard.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.meerkat.dashboard.MeerkatDashboardApplication;
import dev.meerkat.dashboard.testing.FixedTestClock;
import dev.meerkat.dashboard.testing.ServiceColourGolden;
import dev.meerkat.dashboard.testing.SpanSeeder;
import dev.meerkat.dashboard.testing.TestStores;
import dev.meerkat.dashboard.testing.TestUsers;
import dev.meerkat.store.clickhouse.ClickHouseStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
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
import org.openqa.selenium.interactions.WheelInput;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The service map in a real headless Chromium over seeded spans, the clock fixed at {@link #NOW}.
 * In the last hour (3600 s): frontend called checkout 12 times (3 failed, 100 ms; 9 ok, 1 ms) and
 * api.stripe.com 4 times (1 failed); checkout called PostgreSQL 30 times, produced 6 Kafka messages
 * and called a host named like an HTML tag twice; "cron jobs" only ran alone. A call from frontend
 * two hours ago must not show up. Five hours ago, in a window of its own, 30 other services ran: a
 * gateway calling 25 services with long names (the first of them calling PostgreSQL) and 4 lone
 * batch jobs.
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

  private static final Instant FIVE_HOURS_AGO = NOW.minus(Duration.ofHours(5));
  private static final int CALLEES = 25;
  private static final int BATCH_JOBS = 4;

  /** Half the symbol size (34 px) of service-map.ts: a node covers its pixel +- this. */
  private static final double SYMBOL_RADIUS = 17;

  /**
   * One wheel notch up (wheelDelta 120, which ECharts divides by 120) zooms in by 1.1; bigger
   * deltas zoom by 1.2 or 1.4 (RoamController).
   */
  private static final double WHEEL_ZOOM = 1.1;

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
    addManyServices(seeder);
    try (ClickHouseStore store = STORES.migrated()) {
      seeder.insertInto(store);
    }
  }

  /** The gateway, its 25 callees (one SERVER span each), PostgreSQL and the 4 batch jobs. */
  private static void addManyServices(SpanSeeder seeder) {
    Duration ms = Duration.ofMillis(1);
    Instant at = FIVE_HOURS_AGO;
    seeder.span("many-0", "many-0", "", "gateway", "GET /", "SERVER", at, ms, false, "", "");
    for (int i = 1; i <= CALLEES; i++) {
      String callee = callee(i);
      seeder.span(
          "many-" + i,
          "call-" + i,
          "",
          "gateway",
          "call",
          "CLIENT",
          at,
          ms,
          false,
          "peer.service",
          callee);
      seeder.span(
          "many-" + i, "serve-" + i, "call-" + i, callee, "serve", "SERVER", at, ms, false, "", "");
    }
    seeder.span(
        "many-1",
        "db-1",
        "serve-1",
        callee(1),
        "SELECT",
        "CLIENT",
        at,
        ms,
        false,
        "db.system",
        "postgresql");
    for (int i = 1; i <= BATCH_JOBS; i++) {
      seeder.span(
          "batch-" + i,
          "batch-" + i,
          "",
          "batch-job-" + i,
          "run",
          "INTERNAL",
          at,
          ms,
          false,
          "",
          "");
    }
  }

  /** Longer than the columns are apart on screen, so only cut labels stay apart. */
  private static String callee(int i) {
    return String.format("inventory-reservation-reconciler-%02d", i);
  }

  @Test
  void drawsEveryServiceAndPeerCallersLeftWithServiceColoursAndShapesByType() {
    openMap("/map?range=1h", LAST_HOUR);
    Map<String, String> colours = ServiceColourGolden.read();

    // Grid cells (column, row) (MapLayout): callers left, each column by name.
    assertThat(chartNodes())
        .containsExactly(
            List.of("cron jobs", "circle", colours.get("cron jobs"), 0L, 0L),
            List.of("frontend", "circle", colours.get("frontend"), 0L, 1L),
            List.of("api.stripe.com", "triangle", "#8c8c8c", 1L, 0L),
            List.of("checkout", "circle", colours.get("checkout"), 1L, 1L),
            List.of(MARKUP, "triangle", "#8c8c8c", 2L, 0L),
            List.of("kafka", "diamond", "#7a6a53", 2L, 1L),
            List.of("postgresql", "roundRect", "#4a5563", 2L, 2L));
    // The columns share the plot's width (the element's less 90 + 150 px), the rows its 450 px.
    double plotWidth = map().getSize().getWidth() - 240;
    List<Double> frontend = doubles(pixelOf("frontend"));
    assertPixel("kafka", frontend.get(0) + plotWidth, frontend.get(1));
    assertPixel("postgresql", frontend.get(0) + plotWidth, frontend.get(1) + 225);
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
  void thirtyServicesWrapIntoColumnsOfAtMostEightRowsAndNoLabelsOverlap() {
    openMap(
        "/map?from=2026-11-30T04:59:00Z&to=2026-11-30T05:01:00Z",
        "31 nodes, 26 connections (2026-11-30 04:59:00 UTC to 2026-11-30 05:01:00 UTC)."
            + " Click a service to open its page.");

    // Column 0: the 4 batch jobs and the gateway; the 25 callees wrap into ceil(25 / 8) = 4
    // columns of ceil(25 / 4) = 7 rows (7, 7, 7, 4); PostgreSQL after them in column 5.
    List<String> expected = new ArrayList<>();
    for (int i = 1; i <= BATCH_JOBS; i++) {
      expected.add("batch-job-" + i + " 0 " + (i - 1));
    }
    expected.add("gateway 0 " + BATCH_JOBS);
    for (int i = 1; i <= CALLEES; i++) {
      expected.add(callee(i) + " " + (1 + (i - 1) / 7) + " " + (i - 1) % 7);
    }
    expected.add("postgresql 5 0");
    assertThat(chartNodes().stream().map(n -> n.get(0) + " " + n.get(3) + " " + n.get(4)))
        .containsExactlyElementsOf(expected);

    // The map keeps its 560 px: rows (560 - 60 - 50) / 6 = 75 px apart; columns (plot width) / 5.
    assertThat(map().getSize().getHeight()).isEqualTo(560);
    double plotWidth = map().getSize().getWidth() - 240;
    List<Double> first = doubles(pixelOf(callee(1)));
    assertPixel(callee(9), first.get(0) + plotWidth / 5, first.get(1) + 75);
    assertThat(columnPixels()).isCloseTo(plotWidth / 5, within(1e-6));

    // What ECharts drew: every node's label, none covering another label or another node.
    List<Box> labels = labelBoxes();
    assertThat(labels).extracting(Box::name).containsExactlyElementsOf(names(expected));
    // A 12 px font's line is at least 12 px high, so the boxes below cover the whole text.
    assertThat(labels).allSatisfy(label -> assertThat(label.height()).isGreaterThanOrEqualTo(12));
    List<Box> symbols =
        names(expected).stream()
            .map(
                name -> {
                  List<Number> p = pixelOf(name);
                  double x = p.get(0).doubleValue();
                  double y = p.get(1).doubleValue();
                  return new Box(name, "", x - SYMBOL_RADIUS, y - SYMBOL_RADIUS, 34, 34);
                })
            .toList();
    List<String> overlaps = new ArrayList<>();
    for (Box label : labels) {
      for (Box other : labels) {
        if (label.name().compareTo(other.name()) < 0 && label.overlaps(other)) {
          overlaps.add(label + " covers label " + other);
        }
      }
      for (Box symbol : symbols) {
        if (!label.name().equals(symbol.name()) && label.overlaps(symbol)) {
          overlaps.add(label + " covers node " + symbol);
        }
      }
    }
    assertThat(overlaps).isEmpty();
    // The long names are cut in the middle, so each keeps the number that tells it apart.
    for (int i = 1; i <= CALLEES; i++) {
      assertThat(labels.get(BATCH_JOBS + i).text())
          .matches("inventory-[^…]+…[^…]*" + String.format("-%02d", i));
    }
    assertThat(labels.getFirst().text()).isEqualTo("batch-job-1");
    // 26 edge labels would cover each other: they show on hover only.
    assertThat(
            driver.executeScript(
                "return document.getElementById('service-map').chartOption()"
                    + ".series[0].edgeLabel.show"))
        .isEqualTo(false);
    Browser.screenshot(driver, "service-map-many");
  }

  @Test
  void wheelZoomsDragMovesAndResetViewRestoresTheMap() {
    openMap("/map", LAST_HOUR);
    WebElement map = driver.findElement(By.id("service-map"));
    List<Number> frontend = pixelOf("frontend");
    List<Number> checkout = pixelOf("checkout");
    double columnPixels = columnPixels();
    assertThat(checkout.get(0).doubleValue() - frontend.get(0).doubleValue())
        .isCloseTo(columnPixels, within(1e-9));

    driver.executeScript(
        "window.__wheels = [];"
            + " arguments[0].addEventListener('wheel', e => window.__wheels.push(e.wheelDelta), true);",
        map);
    new Actions(driver)
        .scrollFromOrigin(WheelInput.ScrollOrigin.fromElement(map), 0, -100)
        .perform();

    Browser.waitFor(driver)
        .withMessage("the wheel should zoom the map in")
        .until(d -> columnPixels() != columnPixels);
    assertThat(driver.executeScript("return window.__wheels")).isEqualTo(List.of(120L));
    assertThat(columnPixels()).isCloseTo(columnPixels * WHEEL_ZOOM, within(1e-6));
    double zoomedFrontendX = pixelOf("frontend").get(0).doubleValue();
    assertThat(pixelOf("checkout").get(0).doubleValue() - zoomedFrontendX)
        .isCloseTo(columnPixels * WHEEL_ZOOM, within(1e-6));

    // New data keeps the zoom: 3 hours add frontend's old call to legacy, the grid stays 3 x 3.
    Browser.choose(driver, "time-range", "Last 3 hours");
    Browser.waitForText(
        driver,
        By.id("service-map-message"),
        "8 nodes, 6 connections (last 3 hours). Click a service to open its page.");
    assertThat(columnPixels()).isCloseTo(columnPixels * WHEEL_ZOOM, within(1e-6));
    assertThat(pixelOf("frontend").get(0).doubleValue()).isCloseTo(zoomedFrontendX, within(1e-6));

    // Drag from an empty spot (between the first two columns, on the third row) up and left, so
    // the pointer stays in the window however the page is scrolled: the map follows it exactly.
    List<Number> zoomedCheckout = pixelOf("checkout");
    List<Number> thirdRow = pixelOf("postgresql");
    hover(
        List.of(
            (zoomedFrontendX + zoomedCheckout.get(0).doubleValue()) / 2,
            thirdRow.get(1).doubleValue()));
    new Actions(driver)
        .clickAndHold()
        .moveByOffset(-60, -30)
        .moveByOffset(-40, -20)
        .release()
        .perform();

    assertPixel(
        "checkout",
        zoomedCheckout.get(0).doubleValue() - 100,
        zoomedCheckout.get(1).doubleValue() - 50);

    driver.findElement(By.id("map-reset-view")).click();

    Browser.waitFor(driver)
        .withMessage("Reset view should restore the first picture")
        .until(d -> doubles(pixelOf("checkout")).equals(doubles(checkout)));
    assertThat(doubles(pixelOf("frontend"))).isEqualTo(doubles(frontend));
    assertThat(columnPixels()).isEqualTo(columnPixels);
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

  /** Per node: name, symbol, colour, grid column and row, as ECharts holds them. */
  @SuppressWarnings("unchecked")
  private List<List<Object>> chartNodes() {
    return (List<List<Object>>)
        driver.executeScript(
            "return document.getElementById('service-map').chartOption().series[0].data"
                + ".map((n) => [n.name, n.symbol, n.itemStyle.color, n.value[0], n.value[1]]);");
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

  /** A label's or symbol's box in pixels from the map's top left. */
  private record Box(String name, String text, double x, double y, double width, double height) {
    boolean overlaps(Box other) {
      return x < other.x + other.width
          && other.x < x + width
          && y < other.y + other.height
          && other.y < y + height;
    }
  }

  /** Every drawn node label's text box, as ECharts laid it out. */
  @SuppressWarnings("unchecked")
  private List<Box> labelBoxes() {
    List<Map<String, Object>> boxes =
        (List<Map<String, Object>>)
            driver.executeScript("return document.getElementById('service-map').labelBoxes()");
    return boxes.stream()
        .map(
            b ->
                new Box(
                    (String) b.get("name"),
                    (String) b.get("text"),
                    ((Number) b.get("x")).doubleValue(),
                    ((Number) b.get("y")).doubleValue(),
                    ((Number) b.get("width")).doubleValue(),
                    ((Number) b.get("height")).doubleValue()))
        .toList();
  }

  /** Selenium returns whole numbers as Long, others as Double. */
  private static List<Double> doubles(List<Number> numbers) {
    return numbers.stream().map(Number::doubleValue).toList();
  }

  private static List<String> names(List<String> nodes) {
    return nodes.stream().map(n -> n.substring(0, n.indexOf(' '))).toList();
  }

  /** Where ECharts draws a node, to a millionth of a pixel (its transforms are floating point). */
  private void assertPixel(String name, double x, double y) {
    List<Double> pixel = doubles(pixelOf(name));
    assertThat(pixel.get(0)).as("x of " + name).isCloseTo(x, within(1e-6));
    assertThat(pixel.get(1)).as("y of " + name).isCloseTo(y, within(1e-6));
  }

  private WebElement map() {
    return driver.findElement(By.id("service-map"));
  }

  /** How far apart two columns are on screen now. */
  private double columnPixels() {
    return ((Number)
            driver.executeScript("return document.getElementById('service-map').columnPixels()"))
        .doubleValue();
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
