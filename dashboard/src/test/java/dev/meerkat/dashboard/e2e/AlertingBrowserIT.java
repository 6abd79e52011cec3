package dev.meerkat.dashboard.e2e;

import static dev.meerkat.dashboard.e2e.GridCells.cell;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.meerkat.agent.testing.Poll;
import dev.meerkat.dashboard.alerting.domain.AlertRoute;
import dev.meerkat.dashboard.alerting.domain.Channel;
import dev.meerkat.dashboard.alerting.domain.ChannelKind;
import dev.meerkat.dashboard.alerting.domain.ChannelSecrets;
import dev.meerkat.dashboard.alerting.domain.DeliveryStatus;
import dev.meerkat.dashboard.alerting.domain.LabelMatchers;
import dev.meerkat.dashboard.alerting.domain.MetricRule;
import dev.meerkat.dashboard.alerting.domain.MetricSeries;
import dev.meerkat.dashboard.alerting.domain.OutboxEntry;
import dev.meerkat.dashboard.alerting.domain.Suppression;
import dev.meerkat.dashboard.alerting.service.ChannelRepository;
import dev.meerkat.dashboard.alerting.service.MetricRuleEvaluation;
import dev.meerkat.dashboard.alerting.service.MetricRuleStore;
import dev.meerkat.dashboard.alerting.service.Outbox;
import dev.meerkat.dashboard.alerting.service.RoutingStore;
import dev.meerkat.dashboard.testing.HttpReceiver;
import dev.meerkat.dashboard.testing.OutboxRows;
import dev.meerkat.dashboard.testing.SpanSeeder;
import dev.meerkat.dashboard.testing.TestStores;
import dev.meerkat.dashboard.testing.TestUsers;
import dev.meerkat.store.clickhouse.ClickHouseStore;
import dev.meerkat.store.slo.AlertEvent;
import dev.meerkat.store.slo.AlertEventRepository;
import dev.meerkat.store.slo.AlertState;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
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
 * The alerting pages in a real headless Chromium: a webhook channel to a real local receiver and
 * its test notification, the rule form's validation, a silence that keeps a firing alert's
 * notification from being sent, and the time picker of the alert history and the delivery log over
 * rows seeded at known distances before {@link #SEEDED_AT}. The delivery loop runs as in
 * production; evaluation is triggered by the test.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "meerkat.slo.evaluation-enabled=false",
      "meerkat.delivery.poll-interval=200ms",
      "meerkat.outbound.allow=127.0.0.1"
    })
class AlertingBrowserIT {

  private static final TestStores STORES = TestStores.create("meerkat-alerting-data-");
  private static final HttpReceiver RECEIVER = new HttpReceiver();

  /**
   * The seeded history lies 30 min, 2 h and 5 h before this instant (the dashboard's clock is the
   * real one: other tests here need deliveries made "now"), and in a past hour {@link #PAST_FROM}
   * to {@link #PAST_TO} that nothing else reaches, one row exactly at each end.
   */
  private static final Instant SEEDED_AT = Instant.now().truncatedTo(ChronoUnit.SECONDS);

  private static final Instant PAST_FROM =
      SEEDED_AT.truncatedTo(ChronoUnit.HOURS).minus(Duration.ofDays(3));
  private static final Instant PAST_TO = PAST_FROM.plus(Duration.ofHours(1));

  /** A day before the past hour: one row more than the delivery log's page, a minute apart. */
  private static final Instant BUSY_FROM = PAST_FROM.minus(Duration.ofDays(1));

  private static final int BUSY_ROWS = 51;
  private static final String WINDOW = "Window ";
  private static final String LATE = "Late ";
  private static final DateTimeFormatter SHOWN_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

  /** Once per class (the fields are per test): rows at the distances {@link #SEEDED_AT} names. */
  private static boolean seeded;

  /** Signed in once per browser as the editor: these tests are about the pages, not sign-in. */
  @RegisterExtension
  static final BrowserSession browser = BrowserSession.signedInAs(TestUsers.EDITOR);

  private final ChromeDriver driver = browser.driver();

  @Autowired private ChannelRepository channels;
  @Autowired private RoutingStore routing;
  @Autowired private MetricRuleStore rules;
  @Autowired private MetricRuleEvaluation evaluation;
  @Autowired private AlertEventRepository alertHistory;
  @Autowired private Outbox outbox;

  @DynamicPropertySource
  static void stores(DynamicPropertyRegistry registry) {
    STORES.register(registry);
  }

  @BeforeAll
  static void createTables() {
    STORES.migrate();
  }

  @BeforeEach
  void seedHistoryAndDeliveryLog() {
    if (seeded) {
      return;
    }
    for (Map.Entry<String, Instant> row : seededRows().entrySet()) {
      alertHistory.append(
          new AlertEvent(
              "event-" + row.getKey(),
              "slo-" + row.getKey(),
              row.getKey(),
              "checkout",
              AlertState.FIRING,
              row.getValue(),
              14.4,
              14.4,
              "page"));
      outbox.enqueue(delivered(row.getKey(), row.getValue()));
      routing.recordSuppression(
          new Suppression(
              "suppressed-" + row.getKey(),
              "key-suppressed-" + row.getKey(),
              "hook",
              Suppression.Reason.SILENCED,
              "silence-1",
              "firing " + row.getKey(),
              row.getValue()));
    }
    for (int i = 0; i < BUSY_ROWS; i++) {
      outbox.enqueue(delivered("Busy " + i, BUSY_FROM.plus(Duration.ofMinutes(i))));
    }
    seeded = true;
  }

  private static Map<String, Instant> seededRows() {
    Map<String, Instant> rows = new LinkedHashMap<>();
    rows.put(WINDOW + "recent", SEEDED_AT.minus(Duration.ofMinutes(30)));
    rows.put(WINDOW + "older", SEEDED_AT.minus(Duration.ofHours(2)));
    rows.put(WINDOW + "old", SEEDED_AT.minus(Duration.ofHours(5)));
    rows.put(WINDOW + "past to", PAST_TO);
    rows.put(WINDOW + "past inside", PAST_FROM.plus(Duration.ofMinutes(10)));
    rows.put(WINDOW + "past from", PAST_FROM);
    return rows;
  }

  /** An alert history row as the page shows it, with its seeded notification's delivery. */
  private static List<String> alertRow(String name) {
    return List.of(
        SHOWN_TIME.format(seededRows().get(name)),
        name,
        "checkout",
        "page",
        "FIRING",
        "14.40",
        "DELIVERED",
        "1",
        "",
        "");
  }

  private static List<String> deliveryRow(String name, Instant at) {
    return List.of(SHOWN_TIME.format(at), "webhook", name, "firing", "", "DELIVERED", "1", "", "");
  }

  private static List<String> deliveryRow(String name) {
    return deliveryRow(name, seededRows().get(name));
  }

  private static List<String> suppressedRow(String name) {
    return List.of(
        SHOWN_TIME.format(seededRows().get(name)),
        "SILENCED",
        "firing " + name,
        "key-suppressed-" + name);
  }

  /** Rows of the seeded alerts (SLO column of the history, Alert column of the delivery log). */
  private static boolean seeded(List<String> row) {
    return named(row, WINDOW);
  }

  private static boolean named(List<String> row, String prefix) {
    return row.size() > 2 && (row.get(1).startsWith(prefix) || row.get(2).startsWith(prefix));
  }

  /**
   * Presets through the picker: the seeded rows within 1 h, then within 3 h, exactly (rows the
   * other tests here make "now" are left aside); the URL holds the range and opens the same rows.
   */
  @Test
  void alertHistoryShowsTheSeededEventsOfThePickedPreset() {
    driver.get(browser.url("/alerts?range=1h"));
    assertThat(
            GridRows.awaitExactly(
                driver, "alerts-grid", AlertingBrowserIT::seeded, alerts("recent")))
        .isEqualTo(alerts("recent"));

    Browser.choose(driver, "time-range", "Last 3 hours");

    Browser.waitFor(driver).until(ExpectedConditions.urlContains("range=3h"));
    assertThat(Browser.queryOf(driver.getCurrentUrl())).isEqualTo(Map.of("range", List.of("3h")));
    List<List<String>> threeHours = alerts("recent", "older");
    assertThat(GridRows.awaitExactly(driver, "alerts-grid", AlertingBrowserIT::seeded, threeHours))
        .isEqualTo(threeHours);
    Browser.screenshot(driver, "alerts-3h");

    driver.get(browser.url("/services"));
    driver.get(browser.url("/alerts?range=3h"));
    assertThat(GridRows.awaitExactly(driver, "alerts-grid", AlertingBrowserIT::seeded, threeHours))
        .isEqualTo(threeHours);
  }

  /**
   * A link with a range the picker does not know says so and shows the default 24 hours; with
   * {@code refresh=10s} an event recorded after the page opened comes on top in the same document.
   */
  @Test
  void alertHistoryBadRangeFallsBackTo24HoursAndAutoRefreshShowsALaterEvent() {
    String address = browser.url("/alerts?range=2w&refresh=10s");
    driver.get(address);
    assertThat(Browser.waitForText(driver, By.id("time-problem"), "Unknown range").getText())
        .isEqualTo(
            "Unknown range '2w': use 5m, 15m, 30m, 1h, 3h, 6h, 12h, 24h, 2d, 7d or 30d."
                + " Showing last 24 hours instead.");
    List<List<String>> day = alerts("recent", "older", "old");
    assertThat(GridRows.awaitExactly(driver, "alerts-grid", AlertingBrowserIT::seeded, day))
        .isEqualTo(day);
    driver.executeScript("window.__sameDocument = true");

    Instant later = SEEDED_AT.minus(Duration.ofMinutes(20));
    alertHistory.append(
        new AlertEvent(
            "event-late",
            "slo-late",
            LATE + "event",
            "checkout",
            AlertState.RESOLVED,
            later,
            0.5,
            14.4,
            "ticket"));

    List<List<String>> expected = new ArrayList<>();
    expected.add(
        List.of(
            SHOWN_TIME.format(later),
            LATE + "event",
            "checkout",
            "ticket",
            "RESOLVED",
            "0.50",
            "no channel",
            "0",
            "",
            ""));
    expected.addAll(day);
    assertThat(
            GridRows.awaitExactly(
                driver, "alerts-grid", row -> named(row, WINDOW) || named(row, LATE), expected))
        .isEqualTo(expected);
    assertThat(driver.getCurrentUrl()).isEqualTo(address);
    assertThat(driver.executeScript("return window.__sameDocument === true")).isEqualTo(true);
  }

  /**
   * A link to the past hour: [from, to) holds the rows at from and 10 min later, not the one at to.
   */
  @Test
  void alertHistoryLinkWithACustomRangeShowsExactlyItsEvents() {
    driver.get(browser.url("/alerts?" + pastHour()));

    List<List<String>> expected = alerts("past inside", "past from");
    assertThat(GridRows.awaitExactly(driver, "alerts-grid", row -> true, expected))
        .isEqualTo(expected);
    assertThat(selectedLabel("time-range")).isEqualTo("Custom range");
    assertThat(Browser.queryOf(driver.getCurrentUrl()))
        .isEqualTo(
            Map.of("from", List.of(PAST_FROM.toString()), "to", List.of(PAST_TO.toString())));
  }

  @Test
  void deliveryLogShowsTheSeededRowsOfThePickedPreset() {
    driver.get(browser.url("/deliveries?range=1h"));
    assertThat(
            GridRows.awaitExactly(
                driver, "deliveries-grid", AlertingBrowserIT::seeded, deliveries("recent")))
        .isEqualTo(deliveries("recent"));

    Browser.choose(driver, "time-range", "Last 3 hours");

    Browser.waitFor(driver).until(ExpectedConditions.urlContains("range=3h"));
    List<List<String>> threeHours = deliveries("recent", "older");
    assertThat(
            GridRows.awaitExactly(driver, "deliveries-grid", AlertingBrowserIT::seeded, threeHours))
        .isEqualTo(threeHours);
    driver.get(driver.getCurrentUrl());
    assertThat(
            GridRows.awaitExactly(driver, "deliveries-grid", AlertingBrowserIT::seeded, threeHours))
        .isEqualTo(threeHours);
  }

  /** The past hour's notifications and suppressions, exactly; none of the other rows. */
  @Test
  void deliveryLogLinkWithACustomRangeShowsExactlyItsRows() {
    driver.get(browser.url("/deliveries?" + pastHour()));

    List<List<String>> expected = deliveries("past inside", "past from");
    assertThat(GridRows.awaitExactly(driver, "deliveries-grid", row -> true, expected))
        .isEqualTo(expected);
    List<List<String>> suppressed =
        List.of(suppressedRow(WINDOW + "past inside"), suppressedRow(WINDOW + "past from"));
    assertThat(GridRows.awaitExactly(driver, "suppressed-grid", row -> true, suppressed))
        .isEqualTo(suppressed);
    assertThat(selectedLabel("time-range")).isEqualTo("Custom range");
    Browser.screenshot(driver, "deliveries-custom-range");
  }

  /** 51 notifications in one hour: a page of 50, newest first, and the oldest behind Show more. */
  @Test
  void deliveryLogPagesWithShowMoreInsideTheWindow() {
    Instant from = BUSY_FROM;
    Instant to = BUSY_FROM.plus(Duration.ofHours(1));
    driver.get(browser.url("/deliveries?from=" + from + "&to=" + to));

    List<List<String>> firstPage = busyRows(BUSY_ROWS - 1, 1);
    assertThat(GridRows.awaitExactly(driver, "deliveries-grid", row -> true, firstPage))
        .isEqualTo(firstPage);
    WebElement more = driver.findElement(By.id("deliveries-more"));
    // Below 50 rows: bring it to the middle of the screen, out from under the grid's rows.
    driver.executeScript("arguments[0].scrollIntoView({block: 'center'})", more);
    more.click();

    List<List<String>> all = busyRows(BUSY_ROWS - 1, 0);
    assertThat(GridRows.awaitExactly(driver, "deliveries-grid", row -> true, all)).isEqualTo(all);
    Browser.waitFor(driver)
        .until(ExpectedConditions.invisibilityOfElementLocated(By.id("deliveries-more")));
  }

  /** Auto-refresh reloads the rows in the same page: a notification queued later shows up. */
  @Test
  void deliveryLogAutoRefreshShowsANotificationQueuedAfterThePageOpened() {
    String address = browser.url("/deliveries?range=1h&refresh=10s");
    driver.get(address);
    assertThat(
            GridRows.awaitExactly(
                driver, "deliveries-grid", AlertingBrowserIT::seeded, deliveries("recent")))
        .isEqualTo(deliveries("recent"));
    driver.executeScript("window.__sameDocument = true");

    Instant later = SEEDED_AT.minus(Duration.ofMinutes(20));
    outbox.enqueue(delivered(LATE + "notification", later));

    List<List<String>> expected =
        List.of(deliveryRow(LATE + "notification", later), deliveryRow(WINDOW + "recent"));
    assertThat(
            GridRows.awaitExactly(
                driver, "deliveries-grid", row -> named(row, WINDOW) || named(row, LATE), expected))
        .isEqualTo(expected);
    assertThat(driver.getCurrentUrl()).isEqualTo(address);
    assertThat(driver.executeScript("return window.__sameDocument === true")).isEqualTo(true);
  }

  private static String pastHour() {
    return "from=" + PAST_FROM + "&to=" + PAST_TO;
  }

  private static List<List<String>> alerts(String... names) {
    return Arrays.stream(names).map(name -> alertRow(WINDOW + name)).toList();
  }

  private static List<List<String>> deliveries(String... names) {
    return Arrays.stream(names).map(name -> deliveryRow(WINDOW + name)).toList();
  }

  /** The busy hour's rows from {@code newest} down to {@code oldest}. */
  private static List<List<String>> busyRows(int newest, int oldest) {
    List<List<String>> rows = new ArrayList<>();
    for (int i = newest; i >= oldest; i--) {
      rows.add(deliveryRow("Busy " + i, BUSY_FROM.plus(Duration.ofMinutes(i))));
    }
    return rows;
  }

  /** Alert event {@code event-<name>} of the history links to this row. */
  private static OutboxEntry delivered(String name, Instant at) {
    return OutboxRows.row(name, name, at, OutboxEntry.WEBHOOK, DeliveryStatus.DELIVERED, 1, "");
  }

  private String selectedLabel(String selectId) {
    return driver
        .findElement(By.cssSelector("#" + selectId + " vaadin-select-value-button"))
        .getText();
  }

  @AfterAll
  static void stop() {
    RECEIVER.close();
  }

  @Test
  void webhookChannelTestNotificationArrivesAndIsLogged() {
    driver.get(browser.url("/channels"));
    waitForText(By.id("channel-form"), "Type");
    type("channel-name", "Receiver hook");
    type("channel-url", RECEIVER.url());
    type("channel-hmac", "s3cret-hmac");
    driver.findElement(By.id("channel-save")).click();

    WebElement grid = waitForText(By.id("channels-grid"), "Receiver hook");
    String masked = "http://127.0.0.1:" + URI.create(RECEIVER.url()).getPort() + "/…****";
    assertThat(grid.getText()).contains(masked, "Generic webhook").doesNotContain("secret-token");
    assertThat(driver.getPageSource()).doesNotContain("secret-token", "s3cret-hmac");
    Browser.screenshot(driver, "channels");

    driver.findElement(By.id("channel-test-Receiver-hook")).click();
    Poll.until(
        Duration.ofSeconds(30),
        () -> RECEIVER.requests().size(),
        n -> n == 1,
        () -> "the receiver got " + RECEIVER.requests());
    assertThat(RECEIVER.requests().getFirst().body())
        .contains("Test notification from Meerkat to Receiver hook");
    assertThat(RECEIVER.requests().getFirst().signature()).startsWith("sha256=");

    driver.get(browser.url("/deliveries"));
    WebElement log = waitForText(By.id("deliveries-grid"), "DELIVERED");
    assertThat(log.getText()).contains("Receiver hook", "test", "firing");
    cell(log, "Receiver hook").click();
    WebElement attempts = waitForText(By.id("attempts-grid"), "200");
    assertThat(attempts.getText()).contains("DELIVERED", "ms");
    Browser.screenshot(driver, "deliveries");
  }

  @Test
  void channelFormRefusesTheCloudMetadataAddressSayingWhatToSet() {
    driver.get(browser.url("/channels"));
    waitForText(By.id("channel-form"), "Type");
    type("channel-name", "Metadata");
    type("channel-url", "http://169.254.169.254/latest/meta-data/iam/security-credentials/");
    driver.findElement(By.id("channel-save")).click();

    WebElement problems = waitForText(By.id("channel-problems"), "169.254.169.254");
    assertThat(problems.getText())
        .isEqualTo(
            "URL: 169.254.169.254 is link-local (cloud metadata); add it to"
                + " meerkat.outbound.allow to permit it");
    assertThat(driver.findElement(By.id("channels-grid")).getText()).doesNotContain("Metadata");
    Browser.screenshot(driver, "channel-refused");
  }

  @Test
  void ruleFormShowsValidationMessagesThenSaves() {
    driver.get(browser.url("/rules"));
    waitForText(By.id("rule-form"), "Series");
    WebElement window = driver.findElement(By.cssSelector("#rule-window input"));
    window.clear();
    window.sendKeys("5x");
    driver.findElement(By.id("rule-save")).click();
    WebElement problems = waitForText(By.id("rule-problems"), "Name is required");
    assertThat(problems.getText())
        .contains(
            "Threshold must be a number",
            "Window must be whole minutes, at least 1m (e.g. 5m, 1h), was '5x'");

    type("rule-name", "Checkout errors");
    type("rule-threshold", "5");
    window.clear();
    window.sendKeys("5m");
    driver.findElement(By.id("rule-save")).click();
    WebElement grid = waitForText(By.id("rules-grid"), "Checkout errors");
    assertThat(grid.getText()).contains("error rate above 5 % over 5m for 2m", "(each service)");
    assertThat(driver.findElement(By.id("rule-problems")).getText()).isEmpty();
    Browser.screenshot(driver, "rules");
  }

  @Test
  void silenceKeepsAFiringAlertsNotificationFromBeingSent() {
    HttpReceiver cartHook = new HttpReceiver();
    try {
      Instant now = Instant.now();
      Channel channel =
          new Channel(
              "cart-hook",
              "Cart hook",
              ChannelKind.WEBHOOK,
              new ChannelSecrets(cartHook.url(), "", ""),
              "",
              "",
              Map.of());
      channels.save(channel, now);
      routing.saveRoute(
          new AlertRoute(
              "cart", 1, LabelMatchers.parse("service=cart"), List.of("cart-hook"), false));
      rules.save(
          new MetricRule(
              "cart-errors",
              "Cart errors",
              MetricSeries.ERROR_RATE,
              "cart",
              MetricRule.Comparison.ABOVE,
              5,
              Duration.ofMinutes(5),
              Duration.ZERO,
              MetricRule.NoData.OK,
              Duration.ZERO,
              Map.of("severity", "page"),
              true),
          now);
      try (ClickHouseStore store = ClickHouseStore.connect(STORES.database())) {
        Instant minute = now.truncatedTo(ChronoUnit.MINUTES).minus(Duration.ofMinutes(2));
        SpanSeeder.create()
            .requests(4, "cart", "POST /cart", "SERVER", minute, Duration.ofMillis(3), true)
            .insertInto(store);
      }

      driver.get(browser.url("/silences"));
      waitForText(By.id("silence-form"), "Matchers");
      type("silence-matchers", "service=cart");
      type("silence-comment", "cart deploy");
      driver.findElement(By.id("silence-save")).click();
      assertThat(waitForText(By.id("silences-grid"), "service=cart").getText())
          .contains("cart deploy");
      type("window-name", "Nightly backup");
      // Matches nothing else in this context, whatever the wall-clock hour.
      type("window-matchers", "service=backup");
      driver.findElement(By.id("window-save")).click();
      assertThat(waitForText(By.id("windows-grid"), "Nightly backup").getText())
          .contains("daily 02:00–03:00 UTC", "service=backup");
      Browser.screenshot(driver, "silences");

      assertThat(evaluation.evaluateAll(Instant.now()))
          .extracting(AlertEvent::service, AlertEvent::state)
          .containsExactly(tuple("cart", AlertState.FIRING));

      driver.get(browser.url("/deliveries"));
      WebElement suppressed = waitForText(By.id("suppressed-grid"), "SILENCED");
      assertThat(suppressed.getText()).contains("firing Cart errors", "cart");
      assertThat(cartHook.requests()).isEmpty();
    } finally {
      cartHook.close();
    }
  }

  private void type(String id, String text) {
    WebElement input = driver.findElement(By.cssSelector("#" + id + " input"));
    input.clear();
    input.sendKeys(text);
  }

  private WebElement waitForText(By locator, String text) {
    Browser.waitFor(driver)
        .until(ExpectedConditions.textToBePresentInElementLocated(locator, text));
    return driver.findElement(locator);
  }
}
