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
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The time picker in a real headless Chromium, on the trace explorer over traces seeded at known
 * distances before {@link #NOW} (the dashboard's fixed clock): a preset, a custom from/to link, a
 * bad link and auto-refresh each show exactly the traces inside their window.
 */
@SpringBootTest(
    classes = {MeerkatDashboardApplication.class, FixedTestClock.class},
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "meerkat.slo.evaluation-enabled=false")
class TimePickerBrowserIT {

  private static final Instant NOW = Instant.parse("2026-11-30T10:00:00Z");
  private static final TestStores STORES = TestStores.create("meerkat-time-state-");

  // Service "timed": one trace each, newest first. 09:58, 09:50, 09:20, 07:00.
  private static final String TWO_MINUTES_AGO = traceId(1);
  private static final String TEN_MINUTES_AGO = traceId(2);
  private static final String FORTY_MINUTES_AGO = traceId(3);
  private static final String THREE_HOURS_AGO = traceId(4);

  // Service "live": one trace before the page opens, one written while it is open.
  private static final String LIVE_EARLY = traceId(10);
  private static final String LIVE_LATE = traceId(11);

  private static final String EXPLORER = "explorer-grid";

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
    trace(seeder, TWO_MINUTES_AGO, "timed", Duration.ofMinutes(2));
    trace(seeder, TEN_MINUTES_AGO, "timed", Duration.ofMinutes(10));
    trace(seeder, FORTY_MINUTES_AGO, "timed", Duration.ofMinutes(40));
    trace(seeder, THREE_HOURS_AGO, "timed", Duration.ofHours(3));
    trace(seeder, LIVE_EARLY, "live", Duration.ofMinutes(3));
    try (ClickHouseStore store = STORES.migrated()) {
      seeder.insertInto(store);
    }
  }

  @Test
  void choosingAPresetRewritesTheUrlAndShowsExactlyTheTracesInsideIt() {
    driver.get(browser.url("/explore?service=timed"));
    // Without a range the explorer shows the last hour.
    assertThat(TraceGrid.awaitExactly(driver, EXPLORER, timedWithin(Duration.ofHours(1))))
        .containsExactly(TWO_MINUTES_AGO, TEN_MINUTES_AGO, FORTY_MINUTES_AGO);

    Browser.choose(driver, "time-range", "Last 15 minutes");

    Browser.waitFor(driver).until(ExpectedConditions.urlContains("range=15m"));
    assertThat(Browser.queryOf(driver.getCurrentUrl()))
        .isEqualTo(Map.of("service", List.of("timed"), "range", List.of("15m")));
    assertThat(TraceGrid.awaitExactly(driver, EXPLORER, timedWithin(Duration.ofMinutes(15))))
        .containsExactly(TWO_MINUTES_AGO, TEN_MINUTES_AGO);

    Browser.choose(driver, "time-range", "Last 6 hours");

    Browser.waitFor(driver).until(ExpectedConditions.urlContains("range=6h"));
    assertThat(TraceGrid.awaitExactly(driver, EXPLORER, timedWithin(Duration.ofHours(6))))
        .containsExactly(TWO_MINUTES_AGO, TEN_MINUTES_AGO, FORTY_MINUTES_AGO, THREE_HOURS_AGO);
  }

  /** 09:15 to 09:55 UTC holds the traces of 09:20 and 09:50, not those of 09:58 and 07:00. */
  @Test
  void aCustomRangeGoesIntoTheUrlAndItsLinkShowsTheSameRowsInAFreshPage() {
    driver.get(browser.url("/explore?service=timed&range=1h"));
    TraceGrid.awaitExactly(driver, EXPLORER, timedWithin(Duration.ofHours(1)));

    Browser.choose(driver, "time-range", "Custom range");
    // The custom fields start as the window shown, 2026-11-30 09:00 to 10:00 UTC.
    typeTime("time-from", "09:15");
    typeTime("time-to", "09:55");
    driver.findElement(By.id("time-apply")).click();

    Browser.waitFor(driver).until(ExpectedConditions.urlContains("from="));
    assertThat(Browser.queryOf(driver.getCurrentUrl()))
        .isEqualTo(
            Map.of(
                "service", List.of("timed"),
                "from", List.of("2026-11-30T09:15:00Z"),
                "to", List.of("2026-11-30T09:55:00Z")));
    assertThat(
            TraceGrid.awaitExactly(driver, EXPLORER, List.of(TEN_MINUTES_AGO, FORTY_MINUTES_AGO)))
        .containsExactly(TEN_MINUTES_AGO, FORTY_MINUTES_AGO);
    Browser.screenshot(driver, "time-picker-custom");

    String link = driver.getCurrentUrl();
    driver.get(browser.url("/services"));
    driver.get(link);

    assertThat(
            TraceGrid.awaitExactly(driver, EXPLORER, List.of(TEN_MINUTES_AGO, FORTY_MINUTES_AGO)))
        .containsExactly(TEN_MINUTES_AGO, FORTY_MINUTES_AGO);
    assertThat(selectedLabel("time-range")).isEqualTo("Custom range");
    assertThat(input("time-from", "time-picker").getDomProperty("value")).isEqualTo("09:15");
    assertThat(input("time-to", "time-picker").getDomProperty("value")).isEqualTo("09:55");
  }

  @Test
  void aBadRangeInALinkSaysWhatWasWrongAndShowsTheLastHour() {
    driver.get(browser.url("/explore?service=timed&range=2w"));

    assertThat(Browser.waitForText(driver, By.id("time-problem"), "Unknown range").getText())
        .isEqualTo(
            "Unknown range '2w': use 5m, 15m, 30m, 1h, 3h, 6h, 12h, 24h, 2d, 7d or 30d."
                + " Showing last 1 hour instead.");
    assertThat(TraceGrid.awaitExactly(driver, EXPLORER, timedWithin(Duration.ofHours(1))))
        .containsExactly(TWO_MINUTES_AGO, TEN_MINUTES_AGO, FORTY_MINUTES_AGO);
    assertThat(selectedLabel("time-range")).isEqualTo("Last 1 hour");
  }

  @Test
  void autoRefreshShowsTracesWrittenAfterThePageOpenedWithoutNavigating() {
    String address = browser.url("/explore?service=live&range=15m&refresh=10s");
    driver.get(address);
    assertThat(TraceGrid.awaitExactly(driver, EXPLORER, List.of(LIVE_EARLY)))
        .containsExactly(LIVE_EARLY);
    assertThat(selectedLabel("time-refresh")).isEqualTo("Every 10 seconds");
    // Gone if the page were loaded again.
    driver.executeScript("window.__sameDocument = true");

    SpanSeeder late = SpanSeeder.create();
    trace(late, LIVE_LATE, "live", Duration.ofMinutes(1));
    try (ClickHouseStore store = ClickHouseStore.connect(STORES.database())) {
      late.insertInto(store);
    }

    assertThat(TraceGrid.awaitExactly(driver, EXPLORER, List.of(LIVE_LATE, LIVE_EARLY)))
        .containsExactly(LIVE_LATE, LIVE_EARLY);
    assertThat(driver.getCurrentUrl()).isEqualTo(address);
    assertThat(driver.executeScript("return window.__sameDocument === true")).isEqualTo(true);
  }

  @Test
  void theTracesOfAServiceKeepTheServiceInThePathAndTheTimeInTheQuery() {
    driver.get(browser.url("/traces/timed?range=15m"));
    assertThat(TraceGrid.awaitExactly(driver, "traces-grid", timedWithin(Duration.ofMinutes(15))))
        .containsExactly(TWO_MINUTES_AGO, TEN_MINUTES_AGO);

    Browser.choose(driver, "time-range", "Last 6 hours");

    Browser.waitFor(driver)
        .until(ExpectedConditions.urlToBe(browser.url("/traces/timed?range=6h")));
    assertThat(TraceGrid.awaitExactly(driver, "traces-grid", timedWithin(Duration.ofHours(6))))
        .containsExactly(TWO_MINUTES_AGO, TEN_MINUTES_AGO, FORTY_MINUTES_AGO, THREE_HOURS_AGO);
  }

  /** The "timed" traces that started within {@code window} before NOW, newest first. */
  private static List<String> timedWithin(Duration window) {
    Instant from = NOW.minus(window);
    return List.of(
            Map.entry(TWO_MINUTES_AGO, Duration.ofMinutes(2)),
            Map.entry(TEN_MINUTES_AGO, Duration.ofMinutes(10)),
            Map.entry(FORTY_MINUTES_AGO, Duration.ofMinutes(40)),
            Map.entry(THREE_HOURS_AGO, Duration.ofHours(3)))
        .stream()
        .filter(e -> !NOW.minus(e.getValue()).isBefore(from))
        .map(Map.Entry::getKey)
        .toList();
  }

  private static void trace(SpanSeeder seeder, String traceId, String service, Duration ago) {
    seeder.span(
        traceId,
        traceId.substring(16),
        "",
        service,
        "GET /" + service,
        "SERVER",
        NOW.minus(ago),
        Duration.ofMillis(30),
        false,
        "",
        "");
  }

  private static String traceId(int i) {
    return String.format("%032x", 0x71be0000L + i);
  }

  /** Replaces the time of a date-time field (its date part stays) and commits it with Enter. */
  private void typeTime(String fieldId, String time) {
    WebElement input = input(fieldId, "time-picker");
    input.sendKeys(Keys.chord(Keys.CONTROL, "a"), time, Keys.ENTER);
    Browser.waitFor(driver).until(d -> time.equals(input.getDomProperty("value")));
  }

  /** The input of the date or time part of a {@code vaadin-date-time-picker}. */
  private WebElement input(String fieldId, String part) {
    return Browser.waitFor(driver)
        .until(
            ExpectedConditions.elementToBeClickable(
                By.cssSelector("#" + fieldId + " [slot='" + part + "'] input")));
  }

  private String selectedLabel(String selectId) {
    return driver
        .findElement(By.cssSelector("#" + selectId + " vaadin-select-value-button"))
        .getText();
  }
}
