package dev.meerkat.dashboard.e2e;

import static dev.meerkat.dashboard.e2e.XssPayloads.IMG;
import static dev.meerkat.dashboard.e2e.XssPayloads.JS_LINK;
import static dev.meerkat.dashboard.e2e.XssPayloads.LONG;
import static dev.meerkat.dashboard.e2e.XssPayloads.MAX_ATTRIBUTE_VALUE_LENGTH;
import static dev.meerkat.dashboard.e2e.XssPayloads.ROOT_SPAN_ID;
import static dev.meerkat.dashboard.e2e.XssPayloads.SCRIPT;
import static dev.meerkat.dashboard.e2e.XssPayloads.SERVICE;
import static dev.meerkat.dashboard.e2e.XssPayloads.SVG;
import static dev.meerkat.dashboard.e2e.XssPayloads.TRACE_ID;
import static dev.meerkat.dashboard.testing.CollectorProcess.JSON;
import static dev.meerkat.dashboard.testing.CollectorProcess.PROTOBUF;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.UnknownFieldSet;
import dev.meerkat.agent.testing.Poll;
import dev.meerkat.dashboard.testing.CollectorProcess;
import dev.meerkat.dashboard.testing.TestStores;
import dev.meerkat.dashboard.testing.TestUsers;
import dev.meerkat.store.clickhouse.ClickHouseConfig;
import dev.meerkat.store.clickhouse.ClickHouseStore;
import dev.meerkat.store.clickhouse.testing.ClickHouseFixture;
import dev.meerkat.store.slo.AlertEvent;
import dev.meerkat.store.slo.AlertEventRepository;
import dev.meerkat.store.slo.AlertState;
import dev.meerkat.store.slo.SloDefinition;
import dev.meerkat.store.slo.SloRepository;
import dev.meerkat.store.slo.SloSpec;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Span data is data, never markup: spans, logs and metrics whose text carries script and HTML
 * payloads go through the real collector (its runnable jar, OTLP/HTTP) into a real ClickHouse; a
 * real headless Chromium then opens every page that shows them, hovers every waterfall bar, map
 * node and map edge so the ECharts tooltips render, and checks that no payload ran, no payload
 * element exists in the DOM, and each payload is shown as the exact text that was sent. A payload
 * in the URL ({@code range=}) is shown as text too.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "meerkat.slo.evaluation-enabled=false")
class XssBrowserIT {

  private static final ClickHouseConfig DATABASE = ClickHouseFixture.shared().newDatabaseConfig();
  private static final Path WORK = Path.of("target", "xss-" + DATABASE.database());
  private static final TestStores STORES =
      new TestStores(DATABASE, WORK.resolve("dashboard").toAbsolutePath());
  private static final Duration DEADLINE = Duration.ofSeconds(60);
  private static final String NBSP3 = "\u00a0".repeat(3);
  private static final String SLO_ID = "payload-availability";
  private static final String MAP_TOOLTIP = "meerkat-map-tooltip";

  /** Every element a payload would create, searched through every shadow root. */
  private static final String FIND_INJECTED =
      """
      const found = [];
      const visit = (root) => {
        root.querySelectorAll('img[src="x"], svg[onload], [onerror], a[href^="javascript:"]')
            .forEach((e) => found.push(e.outerHTML.slice(0, 200)));
        root.querySelectorAll('script').forEach((s) => {
          if (s.textContent.includes('__xss')) found.push(s.outerHTML.slice(0, 200));
        });
        root.querySelectorAll('*').forEach((e) => e.shadowRoot && visit(e.shadowRoot));
      };
      visit(document);
      return found;
      """;

  private static CollectorProcess collector;

  /** Signed in once per browser as the editor: these tests are about the pages, not sign-in. */
  @RegisterExtension
  static final BrowserSession browser = BrowserSession.signedInAs(TestUsers.EDITOR);

  private final ChromeDriver driver = browser.driver();
  private static Instant start;

  @Autowired private SloRepository slos;
  @Autowired private AlertEventRepository alertEvents;

  @DynamicPropertySource
  static void stores(DynamicPropertyRegistry registry) {
    STORES.register(registry);
  }

  @BeforeAll
  static void ingestThroughTheCollector() throws IOException {
    Files.createDirectories(WORK);
    collector = CollectorProcess.start(DATABASE, WORK.toAbsolutePath());
    start = Instant.now().minus(Duration.ofMinutes(1));
    assertThat(post("/v1/traces", PROTOBUF, XssPayloads.traces(start).toByteArray()).statusCode())
        .isEqualTo(200);
    assertThat(post("/v1/logs", PROTOBUF, XssPayloads.logs(start).toByteArray()).statusCode())
        .isEqualTo(200);
    assertThat(post("/v1/metrics", PROTOBUF, XssPayloads.metrics(start).toByteArray()).statusCode())
        .isEqualTo(200);
    // The collector stores every payload as sent (it escapes nothing; the dashboard must).
    try (ClickHouseStore store = ClickHouseStore.connect(DATABASE)) {
      assertThat(
              Poll.until(
                  DEADLINE,
                  () -> spanNames(store, TRACE_ID),
                  names -> names.size() == 3,
                  () -> "the three payload spans in ClickHouse"))
          .containsExactlyInAnyOrder(SCRIPT, SVG, LONG);
      assertThat(
              Poll.until(
                  DEADLINE,
                  () -> column(store, "SELECT body FROM logs WHERE service_name = ", "body"),
                  bodies -> !bodies.isEmpty(),
                  () -> "the payload log record in ClickHouse"))
          .containsExactly(SCRIPT);
      assertThat(
              Poll.until(
                  DEADLINE,
                  () ->
                      column(
                          store,
                          "SELECT metric_name FROM metric_points WHERE service_name = ",
                          "metric_name"),
                  names -> !names.isEmpty(),
                  () -> "the payload metric point in ClickHouse"))
          .containsExactly(SCRIPT);
    }
  }

  @AfterAll
  static void stop() {
    if (collector != null) {
      collector.close();
    }
  }

  /**
   * Protobuf requires string fields to be UTF-8, and the OTLP/HTTP specification answers a request
   * that cannot be decoded with 400: the whole request is refused, with the decoder's reason, and
   * nothing of it is stored. OTLP/JSON is text: the collector reads it as UTF-8 and stores each
   * invalid byte as U+FFFD, which the traces page then shows.
   */
  @Test
  void invalidUtf8IsRefusedAsProtobufAndReplacedAsJson() throws Exception {
    HttpResponse<byte[]> protobuf =
        post("/v1/traces", PROTOBUF, XssPayloads.invalidUtf8Protobuf(start));
    assertThat(protobuf.statusCode()).isEqualTo(400);
    assertThat(statusMessage(protobuf.body()))
        .isEqualTo(
            "could not decode ExportTraceServiceRequest protobuf:"
                + " Protocol message had invalid UTF-8.");
    HttpResponse<byte[]> json = post("/v1/traces", JSON, XssPayloads.invalidUtf8Json(start));
    assertThat(json.statusCode()).isEqualTo(200);

    try (ClickHouseStore store = ClickHouseStore.connect(DATABASE)) {
      List<String> names =
          Poll.until(
              DEADLINE,
              () -> spanNames(store, XssPayloads.JSON_TRACE_ID),
              n -> !n.isEmpty(),
              () -> "the OTLP/JSON span in ClickHouse");
      assertThat(names).containsExactly(XssPayloads.INVALID_UTF8_NAME_REPLACED);
      assertThat(spanNames(store, XssPayloads.INVALID_UTF8_TRACE_ID)).isEmpty();
    }
    driver.get(browser.url("/traces/" + encodedService()));
    assertThat(awaitCells("traces-grid", XssPayloads.INVALID_UTF8_NAME_REPLACED))
        .contains(XssPayloads.INVALID_UTF8_NAME_REPLACED);
    assertNothingInjected("traces with replaced UTF-8");
  }

  @Test
  void servicesTracesAndTraceShowPayloadsAsText() {
    driver.get(browser.url("/"));
    awaitCells("services-grid", SERVICE);
    assertNothingInjected("services");
    Browser.clickBesideLink(driver, cell("services-grid", SERVICE));
    Browser.waitFor(driver)
        .until(
            ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("meerkat-latency-chart canvas")));
    assertThat(textOf(By.cssSelector("#service-details h3")))
        .isEqualTo("Latency of " + SERVICE + " (p50, p99)");
    assertThat(textOf(By.id("traces-link"))).isEqualTo("Traces of " + SERVICE);
    assertNothingInjected("service latency");
    Browser.screenshot(driver, "xss-services");

    driver.findElement(By.id("traces-link")).click();
    awaitCells("traces-grid", SCRIPT);
    assertThat(driver.findElement(By.cssSelector("#service input")).getDomProperty("value"))
        .isEqualTo(SERVICE);
    assertNothingInjected("traces");
    Browser.screenshot(driver, "xss-traces");

    cell("traces-grid", SCRIPT).click();
    Browser.waitFor(driver).until(ExpectedConditions.urlContains("/trace/" + TRACE_ID));
    assertThat(awaitCells("spans-grid", NBSP3 + LONG))
        .contains(SCRIPT, NBSP3 + SVG, NBSP3 + LONG, SERVICE);
    assertThat(awaitCells("attributes-grid", "long.value"))
        .containsSubsequence("status message", SVG)
        .containsSubsequence(IMG, SVG)
        .containsSubsequence("url.full", JS_LINK)
        .containsSubsequence("http.url", JS_LINK)
        .containsSubsequence("long.value", LONG.substring(0, MAX_ATTRIBUTE_VALUE_LENGTH))
        .containsSubsequence("resource.service.name", SERVICE);
    assertNothingInjected("trace");
    Browser.screenshot(driver, "xss-trace");
  }

  /** The waterfall tooltip is HTML (ECharts sets innerHTML): every bar's must be plain text. */
  @Test
  void waterfallTooltipsShowPayloadsAsText() {
    driver.get(browser.url("/trace/" + TRACE_ID));
    WebElement chart =
        Browser.waitFor(driver)
            .until(
                ExpectedConditions.presenceOfElementLocated(
                    By.cssSelector("meerkat-trace-waterfall canvas")));
    WebElement waterfall = driver.findElement(By.tagName("meerkat-trace-waterfall"));
    driver.executeScript("arguments[0].scrollIntoView({block: 'start'})", waterfall);
    // Every span starts with the trace, so every bar begins at the plot's left edge (x = 260,
    // trace-waterfall.ts); rows share the plot height between top 30 and bottom 30.
    // The critical path (the root's own 30-40 ms after its CLIENT child's 0-30 ms) and the root's
    // exception at 5 ms are silent overlays: hovering them shows the bar's escaped tooltip, so the
    // hover over row 1 below goes through the critical path's outline.
    List<List<String>> overlays =
        List.of(
            List.of("5c5c5c5c5c5c0002 1 0 30", ROOT_SPAN_ID + " 0 30 40"),
            List.of(ROOT_SPAN_ID + " 0 5"));
    Browser.waitFor(driver)
        .withMessage("critical path and exception overlays " + overlays)
        .until(
            d ->
                overlays.equals(
                    driver.executeScript(
                        "return arguments[0].option().series.slice(1, 3).map((s) => s.data"
                            + ".map((d) => d.name + ' ' + d.value.join(' ')))",
                        waterfall)));
    Dimension size = chart.getSize();
    int rows = 3;
    double rowHeight = (size.getHeight() - 60.0) / rows;
    Set<String> tooltips = new HashSet<>();
    for (int row = 0; row < rows; row++) {
      int x = 266 - size.getWidth() / 2;
      int y = (int) Math.round(30 + (row + 0.5) * rowHeight) - size.getHeight() / 2;
      new Actions(driver).moveToElement(chart, x, y).perform();
      tooltips.add(
          Poll.until(
              Duration.ofSeconds(10),
              this::visibleTooltip,
              t -> t != null && !tooltips.contains(t),
              () -> "a new tooltip over row " + tooltips.size() + ", have " + tooltips));
      assertNothingInjected("waterfall tooltip " + row);
    }
    assertThat(tooltips)
        .containsExactlyInAnyOrder(
            SCRIPT + " (" + SERVICE + ")40.000 ms, starts at +0.000 ms",
            SVG + " (" + SERVICE + ")30.000 ms, starts at +0.000 ms",
            LONG + " (" + SERVICE + ")20.000 ms, starts at +0.000 ms");
    Browser.screenshot(driver, "xss-waterfall-tooltip");
  }

  /**
   * The service map from a link whose {@code range} is a payload: the time picker names it as text
   * and shows the last hour, where the payload service called a peer named {@link
   * XssPayloads#SCRIPT} once (the client span, 30 ms, not failed). Both nodes' tooltips and the
   * edge's are HTML in ECharts: each must be the exact text.
   */
  @Test
  void serviceMapAndTimePickerProblemShowPayloadsAsText() {
    driver.get(browser.url("/map?range=" + URLEncoder.encode(IMG, StandardCharsets.UTF_8)));
    assertThat(Browser.waitForText(driver, By.id("time-problem"), "Unknown range").getText())
        .isEqualTo(
            "Unknown range '"
                + IMG
                + "': use 5m, 15m, 30m, 1h, 3h, 6h, 12h, 24h, 2d, 7d or 30d."
                + " Showing last 1 hour instead.");
    assertNothingInjected("time picker problem");
    WebElement map =
        Browser.waitFor(driver)
            .until(ExpectedConditions.presenceOfElementLocated(By.id("service-map")));
    Browser.waitFor(driver)
        .withMessage("the map's two nodes")
        .until(d -> mapNodeNames(map).size() == 2);
    assertThat(mapNodeNames(map)).containsExactlyInAnyOrder(SERVICE, SCRIPT);
    driver.executeScript("arguments[0].scrollIntoView({block: 'center'})", map);

    hoverMap(map, 0.0, SERVICE);
    assertThat(awaitMapTooltip("service"))
        .isEqualTo(SERVICE + "\nservice\nclick to open its service page");
    assertNothingInjected("map service tooltip");
    hoverMap(map, 0.0, SCRIPT);
    assertThat(awaitMapTooltip("external host")).isEqualTo(SCRIPT + "\nexternal host");
    assertNothingInjected("map peer tooltip");
    // 40 % of the way from the service to the peer: on the edge, clear of its label. One call in
    // the hour: 1 / 3600 s = 0.000278/s; 30 ms lies in the latency bucket up to 2^15 µs.
    hoverMap(map, 0.4, SERVICE, SCRIPT);
    assertThat(awaitMapTooltip("calls/s"))
        .isEqualTo(
            SERVICE
                + " → "
                + SCRIPT
                + " (call)\nrate 0.000278 calls/s (1 calls)\nerrors 0.00 %\np99 32.77 ms");
    assertNothingInjected("map edge tooltip");
    Browser.screenshot(driver, "xss-map");
  }

  /**
   * The trace page's parts beside the waterfall: the trace's log line, the selected root span's
   * exception (type and message are payloads), the attribute filter and the trace-wide attribute
   * search, whose answer names the matching span.
   */
  @Test
  void tracePageLogsExceptionsAndAttributeSearchShowPayloadsAsText() {
    driver.get(browser.url("/trace/" + TRACE_ID));
    awaitCells("trace-logs-grid", "ERROR");
    assertThat(visibleCells("trace-logs-grid"))
        .containsExactly(
            "Time", "Severity", "Message", "Span", "+0.00 ms", "ERROR", SCRIPT, SCRIPT);
    // The root span is selected first: its exception event's type and message.
    assertThat(
            Browser.waitFor(driver)
                .until(
                    ExpectedConditions.presenceOfElementLocated(
                        By.cssSelector("#span-exceptions .exception-headline")))
                .getDomProperty("textContent"))
        .isEqualTo(SVG + ": " + IMG);
    assertNothingInjected("trace logs and exception");

    driver.findElement(By.cssSelector("#attribute-filter input")).sendKeys("svg");
    Browser.waitFor(driver)
        .withMessage("only the attributes with svg in key or value")
        .until(d -> visibleCells("attributes-grid").size() == 6);
    assertThat(visibleCells("attributes-grid"))
        .containsExactly("Attribute", "Value", "status message", SVG, IMG, SVG);
    assertNothingInjected("attribute filter");

    driver.findElement(By.cssSelector("#trace-search input")).sendKeys("javascript");
    assertThat(
            Browser.waitForText(driver, By.id("trace-search-result"), "match")
                .getDomProperty("textContent"))
        .isEqualTo("1 of 3 spans match: " + SCRIPT);
    assertNothingInjected("trace attribute search");
    Browser.screenshot(driver, "xss-trace-parts");
  }

  /**
   * An SLO on the payload service, named with a payload too (SLO names are typed by users): the
   * list, its page with "what burned the budget" (the failed root span: its name and its exception
   * type), and the alert history.
   */
  @Test
  void sloAndAlertPagesShowPayloadsAsText() {
    Instant now = Instant.now();
    slos.save(
        new SloDefinition(
            SLO_ID,
            0,
            SCRIPT,
            SERVICE,
            0.99,
            Duration.ofDays(30),
            0,
            "",
            now,
            new SloSpec("availability", 0, List.of(), "30d", 10, "")));
    alertEvents.append(
        new AlertEvent("payload-event", SLO_ID, SCRIPT, SERVICE, AlertState.FIRING, now, 2, 1));

    driver.get(browser.url("/slos"));
    assertThat(awaitCells("slos-grid", SERVICE)).contains(SCRIPT, SERVICE);
    assertNothingInjected("slos");

    driver.get(browser.url("/slos/" + SLO_ID));
    assertThat(awaitCells("budget-burners", SCRIPT)).containsSubsequence(SCRIPT, SVG, "1");
    assertThat(textOf(By.tagName("h2"))).isEqualTo(SCRIPT);
    assertThat(textOf(By.id("slo-summary"))).startsWith("availability of " + SERVICE + ",");
    assertThat(
            driver
                .findElement(By.cssSelector("#budget-burners a.trace-link"))
                .getDomProperty("href"))
        .isEqualTo(browser.url("/trace/" + TRACE_ID));
    assertNothingInjected("slo detail");
    Browser.screenshot(driver, "xss-slo");

    driver.get(browser.url("/alerts"));
    assertThat(awaitCells("alerts-grid", SERVICE)).containsSubsequence(SCRIPT, SERVICE);
    assertNothingInjected("alerts");
  }

  /** No payload ran, no dialog opened, no payload element exists. */
  private void assertNothingInjected(String page) {
    assertThatThrownBy(() -> driver.switchTo().alert())
        .as("a dialog on " + page)
        .isInstanceOf(NoAlertPresentException.class);
    assertThat(
            driver.executeScript(
                "return window.__xss === undefined ? 'undefined' : String(window.__xss)"))
        .as("window.__xss on " + page)
        .isEqualTo("undefined");
    assertThat(driver.executeScript(FIND_INJECTED))
        .as("injected elements on " + page)
        .isEqualTo(List.of());
  }

  /** The exact text of every cell of a grid, once one cell reads {@code expected}. */
  @SuppressWarnings("unchecked")
  private List<String> awaitCells(String gridId, String expected) {
    return Poll.until(
        DEADLINE,
        () -> {
          List<WebElement> grids = driver.findElements(By.id(gridId));
          return grids.isEmpty()
              ? List.<String>of()
              : (List<String>)
                  driver.executeScript(
                      "return Array.from(arguments[0].querySelectorAll("
                          + "'vaadin-grid-cell-content')).map((c) => c.textContent)",
                      grids.getFirst());
        },
        cells -> cells.contains(expected),
        () -> "a cell reading " + abbreviate(expected) + " in #" + gridId);
  }

  /** The text of a grid's shown cells (rows the grid hides after a filter read as empty). */
  private List<String> visibleCells(String gridId) {
    return driver
        .findElement(By.id(gridId))
        .findElements(By.tagName("vaadin-grid-cell-content"))
        .stream()
        .map(WebElement::getText)
        .filter(text -> !text.isEmpty())
        .toList();
  }

  @SuppressWarnings("unchecked")
  private List<String> mapNodeNames(WebElement map) {
    return (List<String>)
        driver.executeScript(
            "const o = arguments[0].chartOption();"
                + " return o ? o.series[0].data.map((n) => n.name) : [];",
            map);
  }

  /**
   * Moves the real mouse to {@code share} of the way from the first node to the last (Selenium
   * offsets count from the element's centre).
   */
  @SuppressWarnings("unchecked")
  private void hoverMap(WebElement map, double share, String... nodes) {
    List<Number> from =
        (List<Number>)
            driver.executeScript("return arguments[0].pixelOf(arguments[1])", map, nodes[0]);
    List<Number> to =
        (List<Number>)
            driver.executeScript(
                "return arguments[0].pixelOf(arguments[1])", map, nodes[nodes.length - 1]);
    double x =
        from.get(0).doubleValue() + share * (to.get(0).doubleValue() - from.get(0).doubleValue());
    double y =
        from.get(1).doubleValue() + share * (to.get(1).doubleValue() - from.get(1).doubleValue());
    new Actions(driver)
        .moveToElement(
            map,
            (int) Math.round(x - map.getSize().getWidth() / 2.0),
            (int) Math.round(y - map.getSize().getHeight() / 2.0))
        .perform();
  }

  /** The map tooltip's text (lines as the reader sees them) once it shows {@code marker}. */
  private String awaitMapTooltip(String marker) {
    return Browser.waitForText(driver, By.className(MAP_TOOLTIP), marker).getText();
  }

  private WebElement cell(String gridId, String text) {
    return driver
        .findElement(By.id(gridId))
        .findElements(By.tagName("vaadin-grid-cell-content"))
        .stream()
        .filter(c -> text.equals(c.getDomProperty("textContent")))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no cell " + abbreviate(text) + " in #" + gridId));
  }

  private String textOf(By locator) {
    return driver.findElement(locator).getDomProperty("textContent");
  }

  /** The text of the waterfall's tooltip while it is shown, or null. */
  private String visibleTooltip() {
    return (String)
        driver.executeScript(
            "const t = document.querySelector('.meerkat-waterfall-tooltip');"
                + " return t && getComputedStyle(t).display !== 'none'"
                + " && getComputedStyle(t).visibility !== 'hidden' ? t.textContent : null;");
  }

  private static List<String> spanNames(ClickHouseStore store, String traceId) {
    List<String> names = new ArrayList<>();
    store
        .query("SELECT span_name FROM spans WHERE trace_id = " + ClickHouseStore.quote(traceId))
        .forEach(r -> names.add(r.string("span_name")));
    return names;
  }

  /** One column of the payload service's rows: {@code select} ends with "service_name = ". */
  private static List<String> column(ClickHouseStore store, String select, String column) {
    List<String> values = new ArrayList<>();
    store.query(select + ClickHouseStore.quote(SERVICE)).forEach(r -> values.add(r.string(column)));
    return values;
  }

  /** The message of a binary {@code google.rpc.Status} (field 2). */
  private static String statusMessage(byte[] status) throws InvalidProtocolBufferException {
    return UnknownFieldSet.parseFrom(status)
        .getField(2)
        .getLengthDelimitedList()
        .getFirst()
        .toStringUtf8();
  }

  private static HttpResponse<byte[]> post(String path, String contentType, byte[] body) {
    return collector.post(path, contentType, body);
  }

  private static String encodedService() {
    return URLEncoder.encode(SERVICE, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static String abbreviate(String text) {
    return text.length() > 80 ? text.substring(0, 80) + "… (" + text.length() + " chars)" : text;
  }
}
