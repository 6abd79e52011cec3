package dev.meerkat.dashboard.e2e;

import static dev.meerkat.dashboard.e2e.ChartElements.chartData;
import static dev.meerkat.dashboard.e2e.ChartElements.lines;
import static dev.meerkat.dashboard.e2e.ChartElements.longs;
import static dev.meerkat.dashboard.e2e.GridCells.cellTexts;
import static org.assertj.core.api.Assertions.assertThat;

import dev.meerkat.dashboard.MeerkatDashboardApplication;
import dev.meerkat.dashboard.jvm.JvmTelemetry;
import dev.meerkat.dashboard.testing.FixedTestClock;
import dev.meerkat.dashboard.testing.LatencyBucketBounds;
import dev.meerkat.dashboard.testing.SpanSeeder;
import dev.meerkat.dashboard.testing.TestStores;
import dev.meerkat.dashboard.testing.TestUsers;
import dev.meerkat.store.clickhouse.ClickHouseStore;
import dev.meerkat.store.slo.SloDefinition;
import dev.meerkat.store.slo.SloRepository;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The page of one service in a real Chromium over seeded spans (and {@link JvmTelemetry}'s metric
 * points for the instances), the dashboard's clock fixed at {@link JvmTelemetry#NOW}. Every
 * expected number is computed here from the seeds and the rollup's bucket bounds.
 *
 * <p>In the 15 minutes before 12:00: at 11:57 GET /cart 2 failed requests of 40 ms (IOException
 * "connection reset") and 8 of 2 ms; at 11:59 POST /pay 5 of 10 ms and one failed of 100 ms
 * (IllegalStateException "card declined"), and 4 SELECT client spans of 1 ms inside its traces.
 * Another service, inventory, must not show. The GET /cart requests come from instance {@link
 * JvmTelemetry#I1} (which also sent JVM metrics), the POST /pay requests and their SELECTs from
 * {@link #SPANS_ONLY} (no metrics: a non-JVM OTLP sender, say); {@link JvmTelemetry#I2} sent JVM
 * metrics only.
 */
@SpringBootTest(
    classes = {MeerkatDashboardApplication.class, FixedTestClock.class},
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "meerkat.slo.evaluation-enabled=false")
class ServicePageBrowserIT {

  private static final TestStores STORES = TestStores.create("meerkat-service-page-");
  private static final Instant NOW = JvmTelemetry.NOW;
  private static final Instant M1 = NOW.minusSeconds(180);
  private static final Instant M3 = NOW.minusSeconds(60);
  private static final double WINDOW_SECONDS = 15 * 60;
  private static final String SPANS_ONLY = "checkout-otel-1";

  /** NOW is Sunday 2026-03-01, in ISO week 2026-W09 (from Monday 02-23); W08 starts 02-16. */
  private static final Instant W09 = Instant.parse("2026-02-23T00:00:00Z");

  private static final Instant W08 = Instant.parse("2026-02-16T00:00:00Z");
  private static final Instant W08_SPANS = Instant.parse("2026-02-18T10:00:00Z");

  /** A seeded request of checkout; trace ids are SpanSeeder's, in seeding order. */
  private record Request(
      String traceId, String operation, Instant start, long millis, String exception) {
    boolean failed() {
      return exception != null;
    }
  }

  private static final List<Request> REQUESTS = new ArrayList<>();

  @RegisterExtension
  static final BrowserSession browser = BrowserSession.signedInAs(TestUsers.EDITOR);

  private final ChromeDriver driver = browser.driver();

  @Autowired private SloRepository slos;

  @DynamicPropertySource
  static void stores(DynamicPropertyRegistry registry) {
    STORES.register(registry);
    FixedTestClock.register(registry, NOW);
  }

  @BeforeAll
  static void seed() {
    SpanSeeder spans = SpanSeeder.create().instance(JvmTelemetry.I1);
    for (int i = 0; i < 2; i++) {
      request(spans, "GET /cart", M1.plusSeconds(20), 40, "java.io.IOException:connection reset");
    }
    for (int i = 0; i < 8; i++) {
      request(spans, "GET /cart", M1.plusSeconds(10), 2, null);
    }
    spans.instance(SPANS_ONLY);
    for (int i = 0; i < 5; i++) {
      request(spans, "POST /pay", M3.plusSeconds(5), 10, null);
    }
    request(
        spans,
        "POST /pay",
        M3.plusSeconds(6),
        100,
        "java.lang.IllegalStateException:card declined");
    for (int i = 0; i < 4; i++) {
      spans.span(
          REQUESTS.get(10 + i).traceId(),
          "select-" + i,
          "span-checkout-" + (10 + i),
          "checkout",
          "SELECT",
          "CLIENT",
          M3.plusSeconds(5),
          Duration.ofMillis(1),
          false,
          "",
          "");
    }
    spans.instance(null);
    spans.requests(7, "inventory", "GET /items", "SERVER", M1, Duration.ofMillis(500), true);
    // The ISO week before: 20 requests of 5 ms, one failed.
    spans.requests(19, "checkout", "GET /cart", "SERVER", W08_SPANS, Duration.ofMillis(5), false);
    spans.requests(1, "checkout", "GET /cart", "SERVER", W08_SPANS, Duration.ofMillis(5), true);
    try (ClickHouseStore store = STORES.migrated()) {
      spans.insertInto(store);
      JvmTelemetry.writeInto(store);
    }
  }

  private static void request(
      SpanSeeder spans, String operation, Instant start, long millis, String exception) {
    String traceId = "trace-checkout-" + REQUESTS.size();
    REQUESTS.add(new Request(traceId, operation, start, millis, exception));
    spans.requests(
        1, "checkout", operation, "SERVER", start, Duration.ofMillis(millis), exception != null);
    if (exception != null) {
      String[] typeAndMessage = exception.split(":", 2);
      spans.withException(start, typeAndMessage[0], typeAndMessage[1]);
    }
  }

  @Test
  void chartsHoldTheRedOfEachMinute() {
    driver.get(browser.url("/service/checkout?range=15m"));

    Map<String, Object> rate = chartData(driver, "service-chart-rate");
    List<Long> steps = new ArrayList<>();
    for (int i = 15; i >= 1; i--) {
      steps.add(NOW.getEpochSecond() - 60L * i);
    }
    assertThat(longs(rate.get("times"))).isEqualTo(steps);
    assertThat(rate.get("unit")).isEqualTo("req/s");
    List<Request> m1 = at(M1);
    List<Request> m3 = at(M3);
    assertThat(lines(rate))
        .containsExactly(lastThree(0.0, m1.size() / 60.0, 0.0, m3.size() / 60.0));
    Map<String, Object> errors = chartData(driver, "service-chart-errors");
    assertThat(errors.get("unit")).isEqualTo("%");
    assertThat(lines(errors))
        .containsExactly(lastThree(null, 100 * failedRatio(m1), null, 100 * failedRatio(m3)));
    Map<String, Object> latency = chartData(driver, "service-chart-latency");
    assertThat(latency.get("unit")).isEqualTo("ms");
    assertThat(latency.get("labels")).isEqualTo(List.of("p50", "p95", "p99"));
    assertThat(lines(latency))
        .containsExactly(
            lastThree(null, quantile(m1, 0.5), null, quantile(m3, 0.5)),
            lastThree(null, quantile(m1, 0.95), null, quantile(m3, 0.95)),
            lastThree(null, quantile(m1, 0.99), null, quantile(m3, 0.99)));
    assertThat(driver.findElements(By.cssSelector("#service-chart-latency canvas"))).hasSize(1);
    assertThat(driver.findElement(By.id("service-title")).getText()).isEqualTo("checkout");
    // The service first sent spans at 11:57, so its rate is over the 180 s since (docs/api.md).
    assertThat(driver.findElement(By.id("service-summary")).getText())
        .isEqualTo(
            rate(REQUESTS.size(), 180)
                + " req/s · "
                + percent(failedRatio(REQUESTS))
                + " errors · p50 "
                + millis(quantile(REQUESTS, 0.5))
                + " · p95 "
                + millis(quantile(REQUESTS, 0.95))
                + " · p99 "
                + millis(quantile(REQUESTS, 0.99)));
    Browser.screenshot(driver, "service-page");
  }

  @Test
  void endpointsShowRedAndShareOfTime() {
    driver.get(browser.url("/service/checkout?range=15m"));

    WebElement grid = Browser.waitForText(driver, By.id("service-endpoints"), "SELECT");
    List<Request> cart = of("GET /cart");
    List<Request> pay = of("POST /pay");
    double selectMillis = 4 * 1;
    double total = totalMillis(cart) + totalMillis(pay) + selectMillis;
    assertThat(cellTexts(grid))
        .containsExactly(
            "Operation",
            "Kind",
            "Rate (/s)",
            "Errors",
            "p50",
            "p95",
            "p99",
            "Share of time",
            // SERVER before CLIENT (the store's kind order), then by name.
            "GET /cart",
            "SERVER",
            rate(cart.size()),
            percent(failedRatio(cart)),
            millis(quantile(cart, 0.5)),
            millis(quantile(cart, 0.95)),
            millis(quantile(cart, 0.99)),
            percent(totalMillis(cart) / total),
            "POST /pay",
            "SERVER",
            rate(pay.size()),
            percent(failedRatio(pay)),
            millis(quantile(pay, 0.5)),
            millis(quantile(pay, 0.95)),
            millis(quantile(pay, 0.99)),
            percent(totalMillis(pay) / total),
            "SELECT",
            "CLIENT",
            rate(4),
            percent(0),
            millis(LatencyBucketBounds.upperMillis(Duration.ofMillis(1))),
            millis(LatencyBucketBounds.upperMillis(Duration.ofMillis(1))),
            millis(LatencyBucketBounds.upperMillis(Duration.ofMillis(1))),
            percent(selectMillis / total));
  }

  @Test
  void slowestTracesAreTheLongestRequestsAndLinkToTheirTrace() {
    driver.get(browser.url("/service/checkout?range=15m"));

    WebElement grid = Browser.waitForText(driver, By.id("service-slowest"), "POST /pay");
    List<Request> slowest = new ArrayList<>(REQUESTS);
    slowest.sort(
        (a, b) ->
            a.millis() != b.millis()
                ? Long.compare(b.millis(), a.millis())
                : a.traceId().compareTo(b.traceId()));
    List<String> expected = new ArrayList<>(List.of("Trace", "Operation", "Duration", "Start"));
    expected.add("Status");
    for (Request request : slowest.subList(0, 10)) {
      expected.add(request.traceId());
      expected.add(request.operation());
      expected.add(String.format(Locale.ROOT, "%.2f ms", (double) request.millis()));
      expected.add(time(request.start()));
      expected.add(request.failed() ? "ERROR" : "OK");
    }
    assertThat(cellTexts(grid)).containsExactlyElementsOf(expected);

    click(grid.findElement(By.linkText(slowest.getFirst().traceId())));
    Browser.waitFor(driver)
        .until(ExpectedConditions.urlToBe(browser.url("/trace/" + slowest.getFirst().traceId())));
    Browser.waitForText(driver, By.id("spans-grid"), "POST /pay");
  }

  @Test
  void topErrorsGroupByExceptionTypeAndMessageWithExampleTraces() {
    driver.get(browser.url("/service/checkout?range=15m"));

    WebElement grid = Browser.waitForText(driver, By.id("service-errors"), "connection reset");
    assertThat(cellTexts(grid))
        .containsExactly(
            "Type",
            "Message",
            "Requests",
            "Example traces",
            "java.io.IOException",
            "connection reset",
            "2.00",
            "trace-checkout-0 trace-checkout-1",
            "java.lang.IllegalStateException",
            "card declined",
            "1.00",
            "trace-checkout-15");
  }

  @Test
  void instancesFromSpansAndMetricsLinkToTheJvmPageOnlyWithMetrics() {
    driver.get(browser.url("/service/checkout?range=15m"));

    WebElement grid = Browser.waitForText(driver, By.id("service-instances"), SPANS_ONLY);
    List<Request> cart = of("GET /cart");
    List<Request> pay = of("POST /pay");
    assertThat(cellTexts(grid))
        .containsExactly(
            "Instance",
            "Requests",
            "Errors",
            "Last seen",
            // Spans (the GET /cart requests at 11:57) and JVM metrics up to 11:59:10.
            JvmTelemetry.I1,
            count(cart.size()),
            percent(failedRatio(cart)),
            time(JvmTelemetry.M3.plusSeconds(10)),
            // JVM metrics only, the last at 11:59:20.
            JvmTelemetry.I2,
            count(0),
            "–",
            time(JvmTelemetry.M3.plusSeconds(20)),
            // Spans only: the POST /pay requests, the failed one the last at 11:59:06.
            SPANS_ONLY + " (no JVM metrics)",
            count(pay.size()),
            percent(failedRatio(pay)),
            time(M3.plusSeconds(6)));
    assertThat(grid.findElements(By.tagName("a")).stream().map(WebElement::getText))
        .containsExactly(JvmTelemetry.I1, JvmTelemetry.I2);
    driver.executeScript("arguments[0].scrollIntoView({block: 'center'});", grid);
    Browser.screenshot(driver, "service-page-instances");

    click(grid.findElement(By.linkText(JvmTelemetry.I1)));
    Browser.waitFor(driver)
        .until(ExpectedConditions.urlToBe(browser.url("/jvm/checkout?instance=4242%40host-a")));
    Browser.waitForText(driver, By.id("jvm-title"), "JVM of checkout");
  }

  @Test
  void unknownRangeSaysWhichRangesExist() {
    driver.get(browser.url("/service/checkout?range=2w"));

    assertThat(Browser.waitForText(driver, By.id("time-problem"), "Unknown").getText())
        .isEqualTo(
            "Unknown range '2w': use 5m, 15m, 30m, 1h, 3h, 6h, 12h, 24h, 2d, 7d or 30d."
                + " Showing last 1 hour instead.");
  }

  @Test
  void aServiceWithoutSpansSaysSo() {
    driver.get(browser.url("/service/nobody?range=15m"));

    assertThat(Browser.waitForText(driver, By.id("service-problem"), "nobody").getText())
        .isEqualTo("No spans from nobody in this time range: choose a longer one.");
    assertThat(driver.findElements(By.id("service-summary"))).isEmpty();
  }

  @Test
  void pickingAnotherRangePutsItInTheUrlAndTheChartsFollow() {
    driver.get(browser.url("/service/checkout?range=15m"));
    chartData(driver, "service-chart-rate");

    driver.findElement(By.id("time-range")).click();
    Browser.waitFor(driver)
        .until(
            ExpectedConditions.elementToBeClickable(
                By.xpath("//vaadin-select-item[normalize-space()='Last 5 minutes']")))
        .click();

    Browser.waitFor(driver)
        .until(ExpectedConditions.urlToBe(browser.url("/service/checkout?range=5m")));
    // 11:55 to 11:59: requests at 11:57 and 11:59 only.
    Browser.waitFor(driver)
        .until(
            d ->
                lines(chartData(driver, "service-chart-rate"))
                    .equals(
                        List.of(
                            List.of(0.0, 0.0, at(M1).size() / 60.0, 0.0, at(M3).size() / 60.0))));
  }

  @Test
  void weeklyTableMarksTheWeeksAnSloOfTheServiceWasViolatedIn() {
    // 90 % availability: W09 has 3 failed of 16 (81.25 % good), W08 1 of 20 (95 % good).
    slos.save(
        new SloDefinition(
            "checkout-availability",
            0,
            "Checkout availability",
            "checkout",
            0.9,
            Duration.ofDays(28),
            14.4,
            "",
            NOW));
    driver.get(browser.url("/service/checkout?range=15m"));

    WebElement grid = Browser.waitForText(driver, By.id("service-weeks"), "2026-W02");
    List<String> expected =
        new ArrayList<>(
            List.of("Week", "From", "Requests", "Errors", "p95", "p99", "SLOs violated"));
    expected.addAll(
        List.of(
            "2026-W09",
            time(W09),
            "16.00",
            percent(failedRatio(REQUESTS)),
            millis(quantile(REQUESTS, 0.95)),
            millis(quantile(REQUESTS, 0.99)),
            "Checkout availability"));
    double fiveMillis = LatencyBucketBounds.upperMillis(Duration.ofMillis(5));
    expected.addAll(List.of("2026-W08", time(W08), "20.00", percent(1 / 20.0), millis(fiveMillis)));
    expected.add(millis(fiveMillis));
    for (int week = 7; week >= 2; week--) {
      expected.add("2026-W0" + week);
      expected.add(time(W09.minus(Duration.ofDays(7L * (9 - week)))));
      expected.addAll(List.of("0.00", "–", "–", "–"));
    }
    assertThat(cellTexts(grid)).containsExactlyElementsOf(expected);
    driver.executeScript("arguments[0].scrollIntoView({block: 'center'});", grid);
    Browser.screenshot(driver, "service-page-weeks");
  }

  /** Scrolls the link to the middle of the window first: the page is longer than the window. */
  private void click(WebElement link) {
    driver.executeScript("arguments[0].scrollIntoView({block: 'center'});", link);
    link.click();
  }

  /** 12 steps of {@code quiet} and then the last three minutes: 11:57, 11:58 and 11:59. */
  private static List<Double> lastThree(Double quiet, Double m1, Double m2, Double m3) {
    List<Double> line = new ArrayList<>(Collections.nCopies(12, quiet));
    line.add(m1);
    line.add(m2);
    line.add(m3);
    return line;
  }

  private static List<Request> at(Instant minute) {
    return REQUESTS.stream()
        .filter(r -> !r.start().isBefore(minute) && r.start().isBefore(minute.plusSeconds(60)))
        .toList();
  }

  private static List<Request> of(String operation) {
    return REQUESTS.stream().filter(r -> r.operation().equals(operation)).toList();
  }

  private static double failedRatio(List<Request> requests) {
    return requests.stream().filter(Request::failed).count() / (double) requests.size();
  }

  private static double totalMillis(List<Request> requests) {
    return requests.stream().mapToLong(Request::millis).sum();
  }

  /**
   * The store's quantile: the bucket bound of the request at rank ceil(q * n) by duration (the
   * first bucket whose cumulative count reaches q * n).
   */
  private static double quantile(List<Request> requests, double q) {
    List<Long> millis = requests.stream().map(Request::millis).sorted().toList();
    int rank = (int) Math.ceil(q * millis.size());
    return LatencyBucketBounds.upperMillis(Duration.ofMillis(millis.get(rank - 1)));
  }

  private static String rate(int requests) {
    return rate(requests, WINDOW_SECONDS);
  }

  private static String rate(int requests, double seconds) {
    return String.format(Locale.ROOT, "%.2f", requests / seconds);
  }

  private static String count(int requests) {
    return String.format(Locale.ROOT, "%.2f", (double) requests);
  }

  private static String percent(double ratio) {
    return String.format(Locale.ROOT, "%.2f %%", ratio * 100);
  }

  private static String millis(double value) {
    return String.format(Locale.ROOT, "%.2f ms", value);
  }

  private static String time(Instant instant) {
    return instant.toString().replace("T", " ").replace("Z", " UTC");
  }
}
