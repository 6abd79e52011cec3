package dev.meerkat.dashboard.e2e;

import static dev.meerkat.dashboard.e2e.GridCells.cell;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.meerkat.agent.testing.Poll;
import dev.meerkat.dashboard.alerting.domain.AlertRoute;
import dev.meerkat.dashboard.alerting.domain.Channel;
import dev.meerkat.dashboard.alerting.domain.ChannelKind;
import dev.meerkat.dashboard.alerting.domain.ChannelSecrets;
import dev.meerkat.dashboard.alerting.domain.LabelMatchers;
import dev.meerkat.dashboard.alerting.domain.MetricRule;
import dev.meerkat.dashboard.alerting.domain.MetricSeries;
import dev.meerkat.dashboard.alerting.service.ChannelRepository;
import dev.meerkat.dashboard.alerting.service.MetricRuleEvaluation;
import dev.meerkat.dashboard.alerting.service.MetricRuleStore;
import dev.meerkat.dashboard.alerting.service.RoutingStore;
import dev.meerkat.dashboard.testing.HttpReceiver;
import dev.meerkat.dashboard.testing.SpanSeeder;
import dev.meerkat.dashboard.testing.TestStores;
import dev.meerkat.dashboard.testing.TestUsers;
import dev.meerkat.store.clickhouse.ClickHouseStore;
import dev.meerkat.store.slo.AlertEvent;
import dev.meerkat.store.slo.AlertState;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
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
 * The alerting pages in a real headless Chromium: a webhook channel to a real local receiver and
 * its test notification, the rule form's validation, and a silence that keeps a firing alert's
 * notification from being sent. The delivery loop runs as in production; evaluation is triggered by
 * the test.
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

  /** Signed in once per browser as the editor: these tests are about the pages, not sign-in. */
  @RegisterExtension
  static final BrowserSession browser = BrowserSession.signedInAs(TestUsers.EDITOR);

  private final ChromeDriver driver = browser.driver();

  @Autowired private ChannelRepository channels;
  @Autowired private RoutingStore routing;
  @Autowired private MetricRuleStore rules;
  @Autowired private MetricRuleEvaluation evaluation;

  @DynamicPropertySource
  static void stores(DynamicPropertyRegistry registry) {
    STORES.register(registry);
  }

  @BeforeAll
  static void createTables() {
    STORES.migrate();
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
