package dev.meerkat.dashboard.e2e;

import static dev.meerkat.dashboard.e2e.ChartElements.chartData;
import static dev.meerkat.dashboard.e2e.ChartElements.lines;
import static dev.meerkat.dashboard.e2e.ChartElements.longs;
import static dev.meerkat.dashboard.jvm.JvmTelemetry.I1;
import static dev.meerkat.dashboard.jvm.JvmTelemetry.I2;
import static dev.meerkat.dashboard.jvm.JvmTelemetry.M1;
import static dev.meerkat.dashboard.jvm.JvmTelemetry.M3;
import static dev.meerkat.dashboard.jvm.JvmTelemetry.NOW;
import static dev.meerkat.dashboard.jvm.JvmTelemetry.lastSteps;
import static dev.meerkat.dashboard.jvm.JvmTelemetry.steps;
import static org.assertj.core.api.Assertions.assertThat;

import dev.meerkat.dashboard.MeerkatDashboardApplication;
import dev.meerkat.dashboard.jvm.JvmTelemetry;
import dev.meerkat.dashboard.testing.FixedTestClock;
import dev.meerkat.dashboard.testing.TestStores;
import dev.meerkat.dashboard.testing.TestUsers;
import dev.meerkat.store.clickhouse.ClickHouseStore;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The JVM page in a real headless Chromium over {@link JvmTelemetry} in a real ClickHouse, the
 * dashboard's clock fixed at its {@code NOW}: the page picks the first instance, its charts'
 * elements receive the exact series, choosing another instance puts it in the URL, and auto-refresh
 * brings points written later into the charts on the page.
 */
@SpringBootTest(
    classes = {MeerkatDashboardApplication.class, FixedTestClock.class},
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "meerkat.slo.evaluation-enabled=false")
class JvmBrowserIT {

  private static final TestStores STORES = TestStores.create("meerkat-jvm-state-");

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
    try (ClickHouseStore store = STORES.migrated()) {
      JvmTelemetry.writeInto(store);
    }
  }

  @Test
  void showsTheFirstInstanceWithExactSeriesInItsCharts() {
    driver.get(browser.url("/jvm/checkout?range=15m"));

    Browser.waitForText(driver, By.id("jvm-title"), "JVM of checkout");
    Map<String, Object> heap = chartData(driver, "jvm-chart-heap");
    assertThat(
            driver
                .findElement(By.cssSelector("#jvm-instance vaadin-select-value-button"))
                .getText())
        .isEqualTo(I1);
    assertThat(heap.get("unit")).isEqualTo("MiB");
    assertThat(longs(heap.get("times"))).isEqualTo(steps());
    assertThat(heap.get("labels")).isEqualTo(List.of("G1 Eden Space", "G1 Old Gen"));
    assertThat(lines(heap))
        .containsExactly(lastSteps(15.0, 30.0, 20.0), lastSteps(50.0, 50.0, 50.0));
    Map<String, Object> gcPause = chartData(driver, "jvm-chart-gc-pause");
    assertThat(gcPause.get("unit")).isEqualTo("ms/min");
    assertThat(lines(gcPause))
        .containsExactly(lastSteps(null, (0.25 - 0.125) * 1000, (0.5 - 0.25) * 1000));
    assertThat(lines(chartData(driver, "jvm-chart-gc-count")))
        .containsExactly(lastSteps(null, 13.0 - 10, 19.0 - 13));
    assertThat(lines(chartData(driver, "jvm-chart-cpu")))
        .containsExactly(lastSteps(null, 25.0, 50.0));
    assertThat(chartData(driver, "jvm-chart-cpu-limits").get("labels"))
        .isEqualTo(List.of("available to the JVM", "container limit"));
    // uPlot drew a canvas for the chart.
    assertThat(driver.findElements(By.cssSelector("#jvm-chart-heap canvas"))).hasSize(1);
    Browser.screenshot(driver, "jvm");
  }

  @Test
  void choosingAnotherInstancePutsItInTheUrlAndShowsItsSeries() {
    driver.get(browser.url("/jvm/checkout?range=15m&instance=" + I1));
    chartData(driver, "jvm-chart-heap");

    driver.findElement(By.id("jvm-instance")).click();
    Browser.waitFor(driver)
        .until(
            ExpectedConditions.elementToBeClickable(
                By.xpath("//vaadin-select-item[normalize-space()='" + I2 + "']")))
        .click();

    Browser.waitFor(driver).until(ExpectedConditions.urlContains("instance=77%40host-b"));
    Browser.waitFor(driver)
        .until(
            d ->
                lines(chartData(driver, "jvm-chart-heap"))
                    .equals(List.of(lastSteps(null, null, 99.0))));
    assertThat(driver.getCurrentUrl())
        .isEqualTo(browser.url("/jvm/checkout?instance=77%40host-b&range=15m"));
    assertThat(driver.findElements(By.id("jvm-chart-gc-count-none"))).hasSize(1);
  }

  @Test
  void unknownRangeSaysWhichRangesExist() {
    driver.get(browser.url("/jvm/checkout?range=2w"));

    assertThat(Browser.waitForText(driver, By.id("time-problem"), "Unknown range").getText())
        .isEqualTo(
            "Unknown range '2w': use 5m, 15m, 30m, 1h, 3h, 6h, 12h, 24h, 2d, 7d or 30d."
                + " Showing last 15 minutes instead.");
    assertThat(longs(chartData(driver, "jvm-chart-heap").get("times"))).isEqualTo(steps());
  }

  /**
   * Auto-refresh puts the new point into the chart element already on the page: the same element
   * (its marker survives), so the page neither navigates nor rebuilds its layout.
   */
  @Test
  void autoRefreshPutsNewPointsIntoTheChartsInPlace() {
    String instance = "9@host-c";
    try (ClickHouseStore store = ClickHouseStore.connect(STORES.database())) {
      JvmTelemetry.writeEden(store, instance, M1.plusSeconds(10), 5);
    }
    String address = browser.url("/jvm/checkout?instance=9%40host-c&range=15m&refresh=10s");
    driver.get(address);
    assertThat(lines(chartData(driver, "jvm-chart-heap")))
        .containsExactly(lastSteps(5.0, null, null));
    driver.executeScript("document.getElementById('jvm-chart-heap').__before = true");

    try (ClickHouseStore store = ClickHouseStore.connect(STORES.database())) {
      JvmTelemetry.writeEden(store, instance, M3.plusSeconds(10), 7);
    }

    Browser.waitFor(driver)
        .until(
            d ->
                lines(chartData(driver, "jvm-chart-heap"))
                    .equals(List.of(lastSteps(5.0, null, 7.0))));
    assertThat(
            driver.executeScript(
                "return document.getElementById('jvm-chart-heap').__before === true"))
        .isEqualTo(true);
    assertThat(driver.getCurrentUrl()).isEqualTo(address);
  }
}
