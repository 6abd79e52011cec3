package dev.meerkat.dashboard.e2e;

import static dev.meerkat.dashboard.e2e.GridCells.cell;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.meerkat.dashboard.testing.LogSeeds;
import dev.meerkat.dashboard.testing.ServiceColourGolden;
import dev.meerkat.dashboard.testing.TestStores;
import dev.meerkat.dashboard.testing.TestUsers;
import dev.meerkat.store.clickhouse.ClickHouseStore;
import dev.meerkat.store.clickhouse.write.ClickHouseLogWriter;
import dev.meerkat.store.clickhouse.write.ClickHouseSpanWriter;
import dev.meerkat.store.model.LogRecord;
import dev.meerkat.store.model.SpanEvent;
import dev.meerkat.store.model.SpanKind;
import dev.meerkat.store.model.SpanRecord;
import dev.meerkat.store.model.SpanStatus;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
 * The trace page over one seeded trace (times in ms after its start T):
 *
 * <pre>
 * POST /orders   checkout     SERVER    [0,100]
 *   SELECT stock checkout     CLIENT    [5,25]
 *   charge card  checkout     CLIENT    [20,80]
 *     POST /charge payments eu SERVER   [25,75]  ERROR, exception at 55
 *   send email   checkout     PRODUCER  [85,95]
 *   audit        checkout     INTERNAL  [90,130] (async: ends after its parent)
 * </pre>
 *
 * Critical path, walking back from the root's end at 100: audit is cut to [90,100] and finishes
 * last: audit 90-100; in the root from 90 the last child to finish by then is charge card (send
 * email ends at 95 > 90): root's own 80-90, charge card 75-80, its child POST /charge 25-75, charge
 * card 20-25; back in the root at 20, SELECT stock ends at 25 > 20: root 0-20. SELECT stock and
 * send email are off the path. Three log lines carry the trace id, one another trace's.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "meerkat.slo.evaluation-enabled=false")
class TracePageBrowserIT {

  private static final TestStores STORES = TestStores.create("meerkat-trace-page-");
  private static final String TRACE = "0000000000000000000000000000beef";
  private static final String OTHER_TRACE = "0000000000000000000000000000cafe";
  private static final String ROOT = "00000000000000a1";
  private static final String SELECT = "00000000000000a2";
  private static final String CHARGE = "00000000000000a3";
  private static final String REMOTE = "00000000000000a4";
  private static final String EMAIL = "00000000000000a5";
  private static final String AUDIT = "00000000000000a6";
  private static final String STACKTRACE =
      "pay.CardDeclinedException: card 4242 declined\n\tat pay.Charge.run(Charge.java:42)";
  private static final Instant T =
      Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofMinutes(2));

  /** How a failed span's bar is marked over its service colour: a red border. */
  private static final String ERROR_BORDER = "#e03131";

  /** A transparent canvas pixel: no search band under it. */
  private static final List<Long> NO_BAND = List.of(0L, 0L, 0L, 0L);

  private static final int SPAN_COLUMNS = 8;
  private static final String MATCH = "\u2714 match";

  /** Signed in once per browser as the editor: these tests are about the pages, not sign-in. */
  @RegisterExtension
  static final BrowserSession browser = BrowserSession.signedInAs(TestUsers.EDITOR);

  private final ChromeDriver driver = browser.driver();

  @DynamicPropertySource
  static void clickHouse(DynamicPropertyRegistry registry) {
    STORES.register(registry);
  }

  @BeforeAll
  static void seed() {
    try (ClickHouseStore store = STORES.migrated()) {
      ClickHouseSpanWriter.create(store).write(spans());
      ClickHouseLogWriter.create(store).write(logs());
    }
  }

  @Test
  void showsCriticalPathExceptionsLogsAttributeSearchAndServiceLinks() {
    driver.get(browser.url("/trace/" + TRACE));
    WebElement spans = Browser.waitForText(driver, By.id("spans-grid"), "audit");

    WebElement chart = driver.findElement(By.tagName("meerkat-trace-waterfall"));
    // Each bar in its service's colour, the same as on every page (golden file); the failed span
    // keeps its service colour and is marked by a red border.
    Map<String, String> colours = ServiceColourGolden.read();
    String checkout = colours.get("checkout");
    String payments = colours.get("payments eu");
    assertThat(
            chartList(
                chart,
                "o.series[0].data.map(d => d.name + ' ' + d.itemStyle.color + ' '"
                    + " + (d.itemStyle.borderColor || 'no border'))"))
        .containsExactly(
            "POST /orders (checkout) " + checkout + " no border",
            "SELECT stock (checkout) " + checkout + " no border",
            "charge card (checkout) " + checkout + " no border",
            "POST /charge (payments eu) " + payments + " " + ERROR_BORDER,
            "send email (checkout) " + checkout + " no border",
            "audit (checkout) " + checkout + " no border");

    // The chart draws the critical path's segments over the bars, in time order.
    assertThat(chartList(chart, "o.series[1].data.map(d => d.name + ' ' + d.value.join(' '))"))
        .containsExactly(
            ROOT + " 0 0 20",
            CHARGE + " 2 20 25",
            REMOTE + " 3 25 75",
            CHARGE + " 2 75 80",
            ROOT + " 0 80 90",
            AUDIT + " 5 90 100");
    // The exception: on POST /charge's row (3), 55 ms after the trace start.
    assertThat(chartList(chart, "o.series[2].data.map(d => d.name + ' ' + d.value.join(' '))"))
        .containsExactly(REMOTE + " 3 55");
    assertThat(chartList(chart, "o.legend[0].data.map(d => d.name)"))
        .containsExactly("critical path", "exceptions");

    // Per span: its own time on the critical path (root 20 + 10, charge card 5 + 5).
    assertThat(rows(spans)).containsExactlyElementsOf(spanRows("", ""));
    // The service names link to the service pages (path segment encoded).
    assertThat(
            spans.findElements(By.cssSelector("a.service-link")).stream()
                .map(a -> a.getDomProperty("href"))
                .distinct()
                .toList())
        .containsExactly(browser.url("/service/checkout"), browser.url("/service/payments%20eu"));

    // The trace's log lines, oldest first; the other trace's line is not among them.
    WebElement logs = Browser.waitForText(driver, By.id("trace-logs-grid"), "audit queue slow");
    assertThat(cellTexts(logs))
        .containsExactly(
            "Time",
            "Severity",
            "Message",
            "Span",
            "+2.00 ms",
            "INFO",
            "order 17 received",
            "POST /orders",
            "+56.00 ms",
            "ERROR",
            "card 4242 declined",
            "POST /charge",
            "+96.00 ms",
            "WARN",
            "audit queue slow",
            "audit");

    // A click on the error line selects POST /charge: its exception comes first.
    cell(logs, "card 4242 declined").click();
    WebElement exceptions =
        Browser.waitForText(driver, By.id("span-exceptions"), "CardDeclinedException");
    assertThat(exceptions.findElement(By.className("exception-headline")).getText())
        .isEqualTo("pay.CardDeclinedException: card 4242 declined");
    assertThat(
            exceptions
                .findElement(By.className("exception-stacktrace"))
                .getDomProperty("textContent")) // getText() turns the tab into a space
        .isEqualTo(STACKTRACE);
    WebElement attributes = Browser.waitForText(driver, By.id("attributes-grid"), "acme");
    assertThat(cellTexts(attributes))
        .containsExactly(
            "Attribute", "Value",
            "service", "payments eu",
            "span id", REMOTE,
            "parent span id", CHARGE,
            "status message", "card declined",
            "payment.provider", "acme",
            "http.route", "/charge",
            "resource.service.name", "payments eu");
    Browser.screenshot(driver, "trace-page");

    // The filter keeps the attributes whose key or value contains the text, ignoring case.
    driver.findElement(By.cssSelector("#attribute-filter input")).sendKeys("PROVIDER");
    Browser.waitFor(driver)
        .withMessage("only payment.provider should be left")
        .until(
            d ->
                cellTexts(attributes)
                    .equals(List.of("Attribute", "Value", "payment.provider", "acme")));

    // The trace-wide search marks the spans with a matching attribute: "pay" is in charge card's
    // peer.service and in POST /charge's payment.provider and resource service name.
    driver.findElement(By.cssSelector("#trace-search input")).sendKeys("pay");
    Browser.waitForText(driver, By.id("trace-search-result"), "match");
    assertThat(driver.findElement(By.id("trace-search-result")).getText())
        .isEqualTo("2 of 6 spans match: charge card, POST /charge");
    Browser.waitFor(driver)
        .withMessage("charge card and POST /charge should be marked")
        .until(d -> rows(spans).equals(spanRows(MATCH, MATCH)));
    Browser.screenshot(driver, "trace-page-search");
  }

  @Test
  void attributeSearchMarksTheMatchingBarsAndClearingItRemovesTheMarks() {
    driver.get(browser.url("/trace/" + TRACE));
    Browser.waitForText(driver, By.id("spans-grid"), "audit");
    WebElement chart = driver.findElement(By.tagName("meerkat-trace-waterfall"));
    assertThat(chart.getDomAttribute("aria-label")).isEqualTo("Trace waterfall of 6 spans.");
    assertThat(chart.getDomAttribute("data-match")).isNull();
    assertThat(rowBands(chart))
        .containsExactly(NO_BAND, NO_BAND, NO_BAND, NO_BAND, NO_BAND, NO_BAND);

    // "pay" is in charge card's peer.service and in POST /charge's attributes (rows 2 and 3).
    driver.findElement(By.cssSelector("#trace-search input")).sendKeys("pay");
    Browser.waitFor(driver)
        .withMessage("charge card and POST /charge should be marked in the waterfall")
        .until(d -> (CHARGE + " " + REMOTE).equals(chart.getDomAttribute("data-match")));

    assertThat(chartList(chart, "o.series[3].data.map(d => d.name + ' ' + d.value.join(' '))"))
        .containsExactly(CHARGE + " 2 20 80", REMOTE + " 3 25 75");
    assertThat(chartList(chart, "o.legend[0].data.map(d => d.name)"))
        .containsExactly("critical path", "exceptions");
    assertThat(chartList(chart, "o.legend[1].data.map(d => d.name)"))
        .containsExactly("2 of 6 spans match");
    assertThat(chart.getDomAttribute("aria-label"))
        .isEqualTo("Trace waterfall of 6 spans. 2 of 6 spans match: charge card, POST /charge.");
    // Drawn, not only in the option: the band across the marked rows' label column.
    List<List<Long>> bands = rowBands(chart);
    assertThat(bands).element(0).isEqualTo(NO_BAND);
    assertThat(bands).element(1).isEqualTo(NO_BAND);
    assertIsMatchBand(bands.get(2));
    assertIsMatchBand(bands.get(3));
    assertThat(bands).element(4).isEqualTo(NO_BAND);
    assertThat(bands).element(5).isEqualTo(NO_BAND);
    // The failed span keeps its red border, the critical path its outline.
    assertThat(chartList(chart, "o.series[0].data.map(d => d.itemStyle.borderColor || '')"))
        .containsExactly("", "", "", ERROR_BORDER, "", "");
    assertThat(chartList(chart, "o.series[1].data.map(d => d.name)")).hasSize(6);
    Browser.screenshot(driver, "trace-page-search-waterfall");

    driver
        .findElement(By.id("trace-search"))
        .getShadowRoot()
        .findElement(By.cssSelector("[part~='clear-button']"))
        .click();

    Browser.waitFor(driver)
        .withMessage("clearing the search should remove the marks")
        .until(d -> chart.getDomAttribute("data-match") == null);
    assertThat(chartList(chart, "o.series[3].data.map(d => d.name)")).isEmpty();
    assertThat(chartList(chart, "o.legend[1].data.map(d => d.name)")).isEmpty();
    assertThat(chart.getDomAttribute("aria-label")).isEqualTo("Trace waterfall of 6 spans.");
    assertThat(rowBands(chart))
        .containsExactly(NO_BAND, NO_BAND, NO_BAND, NO_BAND, NO_BAND, NO_BAND);
    assertThat(driver.findElement(By.id("trace-search-result")).getText()).isEmpty();
  }

  /**
   * The canvas pixel (RGBA) at 4 px from the waterfall's left edge, in the middle of each row: left
   * of the label text, so only the search band can colour it.
   */
  @SuppressWarnings("unchecked")
  private List<List<Long>> rowBands(WebElement chart) {
    return (List<List<Long>>)
        driver.executeScript(
            "const e = arguments[0]; const r = window.devicePixelRatio;"
                + " const g = e.querySelector('canvas').getContext('2d');"
                + " return [0, 1, 2, 3, 4, 5].map(row => {"
                + "   const y = e.chart.convertToPixel({seriesIndex: 0}, [0, row])[1];"
                + "   return Array.from(g.getImageData(Math.round(4 * r), Math.round(y * r), 1, 1)"
                + "     .data); });",
            chart);
  }

  /**
   * The band's colour, rgba(255, 212, 59, 0.35) on the transparent canvas: alpha 0.35 * 255 = 89;
   * the canvas keeps colours premultiplied by alpha, so a channel read back may be off by 1 or 2.
   */
  private static void assertIsMatchBand(List<Long> pixel) {
    assertThat(pixel.get(0)).isCloseTo(255L, within(2L));
    assertThat(pixel.get(1)).isCloseTo(212L, within(2L));
    assertThat(pixel.get(2)).isCloseTo(59L, within(2L));
    assertThat(pixel.get(3)).isCloseTo(89L, within(1L));
  }

  /**
   * The spans table's header and rows, {@code chargeMark} and {@code remoteMark} in the search
   * column of charge card and POST /charge. Three no-break spaces indent each level; the driver
   * reads them as spaces.
   */
  private static List<List<String>> spanRows(String chargeMark, String remoteMark) {
    String in = "   ";
    return List.of(
        List.of(
            "Span",
            "Service",
            "Kind",
            "Offset",
            "Duration",
            "On critical path",
            "Status",
            "Search"),
        List.of("POST /orders", "checkout", "SERVER", "0.00 ms", "100.00 ms", "30.00 ms", "OK", ""),
        List.of(in + "SELECT stock", "checkout", "CLIENT", "5.00 ms", "20.00 ms", "", "OK", ""),
        List.of(
            in + "charge card",
            "checkout",
            "CLIENT",
            "20.00 ms",
            "60.00 ms",
            "10.00 ms",
            "OK",
            chargeMark),
        List.of(
            in + in + "POST /charge",
            "payments eu",
            "SERVER",
            "25.00 ms",
            "50.00 ms",
            "50.00 ms",
            "ERROR",
            remoteMark),
        List.of(in + "send email", "checkout", "PRODUCER", "85.00 ms", "10.00 ms", "", "OK", ""),
        List.of(
            in + "audit", "checkout", "INTERNAL", "90.00 ms", "40.00 ms", "10.00 ms", "OK", ""));
  }

  /** The grid's cells row by row (8 columns), leaving out all-empty rows (the footer). */
  private static List<List<String>> rows(WebElement grid) {
    List<String> cells =
        grid.findElements(By.tagName("vaadin-grid-cell-content")).stream()
            .map(cell -> cell.getText().replace('\u00a0', ' '))
            .toList();
    List<List<String>> rows = new ArrayList<>();
    for (int i = 0; i + SPAN_COLUMNS <= cells.size(); i += SPAN_COLUMNS) {
      List<String> row = cells.subList(i, i + SPAN_COLUMNS);
      if (row.stream().anyMatch(text -> !text.isEmpty())) {
        rows.add(List.copyOf(row));
      }
    }
    return rows;
  }

  @SuppressWarnings("unchecked")
  private List<String> chartList(WebElement chart, String expression) {
    return (List<String>)
        driver.executeScript("const o = arguments[0].option(); return " + expression + ";", chart);
  }

  private static List<SpanRecord> spans() {
    List<SpanRecord> spans = new ArrayList<>();
    spans.add(
        span(
            ROOT,
            "",
            "checkout",
            "POST /orders",
            SpanKind.SERVER,
            0,
            100,
            "customer.tier",
            "gold"));
    spans.add(
        span(
            SELECT,
            ROOT,
            "checkout",
            "SELECT stock",
            SpanKind.CLIENT,
            5,
            20,
            "db.system",
            "postgresql"));
    spans.add(
        span(
            CHARGE,
            ROOT,
            "checkout",
            "charge card",
            SpanKind.CLIENT,
            20,
            60,
            "peer.service",
            "payments eu"));
    SpanRecord remote =
        span(
            REMOTE,
            CHARGE,
            "payments eu",
            "POST /charge",
            SpanKind.SERVER,
            25,
            50,
            "payment.provider",
            "acme");
    spans.add(
        new SpanRecord(
            remote.startTimeUnixNano(),
            remote.durationNanos(),
            TRACE,
            REMOTE,
            CHARGE,
            "",
            "payments eu",
            "POST /charge",
            SpanKind.SERVER,
            SpanStatus.ERROR,
            "card declined",
            "POST",
            "/charge",
            402,
            "",
            1.0,
            List.of("payment.provider", "http.route"),
            List.of("acme", "/charge"),
            List.of("service.name"),
            List.of("payments eu"),
            "seed",
            "1.0",
            List.of(
                new SpanEvent(
                    nanos(T.plusMillis(55)),
                    "exception",
                    List.of("exception.type", "exception.message", "exception.stacktrace"),
                    List.of("pay.CardDeclinedException", "card 4242 declined", STACKTRACE))),
            List.of()));
    spans.add(
        span(
            EMAIL,
            ROOT,
            "checkout",
            "send email",
            SpanKind.PRODUCER,
            85,
            10,
            "messaging.system",
            "kafka"));
    spans.add(
        span(AUDIT, ROOT, "checkout", "audit", SpanKind.INTERNAL, 90, 40, "audit.kind", "order"));
    return spans;
  }

  private static SpanRecord span(
      String spanId,
      String parent,
      String service,
      String name,
      SpanKind kind,
      long startMs,
      long durationMs,
      String key,
      String value) {
    return new SpanRecord(
        nanos(T.plusMillis(startMs)),
        Duration.ofMillis(durationMs).toNanos(),
        TRACE,
        spanId,
        parent,
        "",
        service,
        name,
        kind,
        SpanStatus.OK,
        "",
        "",
        "",
        0,
        "",
        1.0,
        List.of(key),
        List.of(value),
        List.of("service.name"),
        List.of(service),
        "seed",
        "1.0");
  }

  private static List<LogRecord> logs() {
    return List.of(
        log(96, 13, "WARN", "audit queue slow", TRACE, AUDIT, "checkout"),
        log(2, 9, "", "order 17 received", TRACE, ROOT, "checkout"),
        log(56, 17, "ERROR", "card 4242 declined", TRACE, REMOTE, "payments eu"),
        log(50, 9, "INFO", "another request", OTHER_TRACE, "00000000000000b1", "checkout"));
  }

  private static LogRecord log(
      long millis,
      int severity,
      String text,
      String body,
      String traceId,
      String spanId,
      String service) {
    return LogSeeds.SEED.log(T.plusMillis(millis), severity, text, body, traceId, spanId, service);
  }

  private static long nanos(Instant instant) {
    return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
  }

  private static List<String> cellTexts(WebElement grid) {
    return grid.findElements(By.tagName("vaadin-grid-cell-content")).stream()
        .map(cell -> cell.getText().replace('\u00a0', ' '))
        .filter(text -> !text.isEmpty())
        .toList();
  }
}
