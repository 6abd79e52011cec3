package dev.meerkat.dashboard.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.meerkat.dashboard.alerting.domain.AlertStatus;
import dev.meerkat.dashboard.alerting.domain.MetricRule;
import dev.meerkat.dashboard.alerting.domain.MetricSeries;
import dev.meerkat.dashboard.alerting.domain.Severity;
import dev.meerkat.dashboard.alerting.service.AlertStore;
import dev.meerkat.dashboard.alerting.service.MetricRuleStore;
import dev.meerkat.dashboard.slo.store.JdbcSloRepository;
import dev.meerkat.dashboard.testing.TestStores;
import dev.meerkat.dashboard.testing.TestUsers;
import dev.meerkat.store.slo.AlertState;
import dev.meerkat.store.slo.SloDefinition;
import dev.meerkat.store.slo.SloRepository;
import dev.meerkat.store.slo.SloSpec;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
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

/**
 * Editing and deleting SLOs and metric rules in a real headless Chromium: the form comes prefilled,
 * the new values show on the list and detail pages and are stored as a new version, the alert state
 * carries over, and a delete asks first.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "meerkat.slo.evaluation-enabled=false")
class EditingBrowserIT {

  private static final TestStores STORES = TestStores.create("meerkat-editing-data-");
  private static final String WEBHOOK = "https://hooks.example.com/services/T1/B2/secret-token";

  /** Signed in once per browser as the editor: these tests are about the pages, not sign-in. */
  @RegisterExtension
  static final BrowserSession browser = BrowserSession.signedInAs(TestUsers.EDITOR);

  private final ChromeDriver driver = browser.driver();

  @Autowired private SloRepository slos;
  @Autowired private AlertStore alerts;
  @Autowired private MetricRuleStore rules;

  @DynamicPropertySource
  static void stores(DynamicPropertyRegistry registry) {
    STORES.register(registry);
  }

  @BeforeAll
  static void createTables() {
    STORES.migrate();
  }

  @Test
  void editingAnSlosObjectiveWritesANewVersionAndKeepsItsAlertState() {
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    slos.save(slo("pay-availability", "Payment availability", 0.99, now));
    slos.save(slo("old-availability", "Old availability", 0.9, now));
    AlertStatus firing =
        AlertStatus.initial("pay-availability", Severity.PAGE).changeTo(AlertState.FIRING, now);
    alerts.recordChange(firing, Optional.empty());

    driver.get(browser.url("/slos"));
    Browser.waitForText(driver, By.id("slos-grid"), "Payment availability");
    click("slo-edit-pay-availability");
    Browser.waitForText(driver, By.id("slo-form-mode"), "Edit SLO pay-availability");
    WebElement objective = driver.findElement(By.cssSelector("#slo-objective input"));
    assertThat(objective.getAttribute("value")).isEqualTo("99");
    assertThat(input("slo-id").getAttribute("value")).isEqualTo("pay-availability");
    assertThat(driver.findElement(By.id("slo-id")).getAttribute("readonly")).isNotNull();
    assertThat(input("slo-labels").getAttribute("value")).isEqualTo("team=payments");
    // The stored webhook URL (it holds a token) is never sent to the browser.
    assertThat(driver.getPageSource()).doesNotContain("secret-token");

    // Same validation as a new SLO.
    objective.sendKeys(Keys.chord(Keys.CONTROL, "a"), "100");
    driver.findElement(By.id("slo-save")).click();
    Browser.waitForText(
        driver,
        By.id("slo-problems"),
        "objective must be a percentage between 0 and 100 (exclusive), e.g. 99.9, was 100.0");

    objective.sendKeys(Keys.chord(Keys.CONTROL, "a"), "99.5");
    WebElement labels = input("slo-labels");
    labels.sendKeys(Keys.chord(Keys.CONTROL, "a"), "team=payments, tier=1");
    driver.findElement(By.id("slo-save")).click();
    Browser.waitForText(driver, By.id("slo-form-mode"), "New SLO");
    WebElement grid = Browser.waitForText(driver, By.id("slos-grid"), "99.5 %");
    assertThat(grid.findElements(By.tagName("vaadin-grid-cell-content")))
        .extracting(WebElement::getText)
        .containsSubsequence("Payment availability", "checkout", "availability", "99.5 %", "30d");
    Browser.screenshot(driver, "slo-edited");

    driver.get(browser.url("/slos/pay-availability"));
    assertThat(Browser.waitForText(driver, By.id("slo-summary"), "99.5 %").getText())
        .startsWith("availability of checkout, objective 99.5 % over 30d");

    SloDefinition stored = slos.find("pay-availability").orElseThrow();
    assertThat(stored.objective()).isEqualTo(0.995);
    assertThat(stored.version()).isEqualTo(2);
    assertThat(stored.webhookUrl()).isEqualTo(WEBHOOK);
    assertThat(stored.spec().labels())
        .containsExactly(Map.entry("team", "payments"), Map.entry("tier", "1"));
    assertThat(((JdbcSloRepository) slos).versions("pay-availability"))
        .extracting(SloDefinition::version, SloDefinition::objective)
        .containsExactly(tuple(1L, 0.99), tuple(2L, 0.995));
    // The open incident carries over: the next evaluation judges it by the new objective.
    assertThat(alerts.currentStates().get("pay-availability:page")).isEqualTo(firing);

    // Delete asks first; cancel keeps the SLO.
    driver.get(browser.url("/slos"));
    Browser.waitForText(driver, By.id("slos-grid"), "Old availability");
    click("slo-delete-old-availability");
    assertThat(
            Browser.waitFor(driver)
                .until(
                    ExpectedConditions.visibilityOfElementLocated(
                        By.id("slo-delete-old-availability-confirm")))
                .getAttribute("title"))
        .isEqualTo("Delete SLO Old availability");
    click("slo-delete-old-availability-cancel");
    assertThat(slos.find("old-availability")).isPresent();
    click("slo-delete-old-availability");
    click("slo-delete-old-availability-confirm");
    Browser.waitFor(driver)
        .until(
            ExpectedConditions.not(
                ExpectedConditions.textToBePresentInElementLocated(
                    By.id("slos-grid"), "Old availability")));
    assertThat(slos.find("old-availability")).isEmpty();
    assertThat(slos.listCurrent())
        .extracting(SloDefinition::id)
        .containsExactly("pay-availability");
  }

  @Test
  void editingARulesThresholdKeepsItsIdAndShowsTheNewCondition() {
    Instant now = Instant.now();
    rules.save(rule("checkout-errors", "Checkout errors", 5), now);
    rules.save(rule("stale-errors", "Stale errors", 50), now);

    driver.get(browser.url("/rules"));
    Browser.waitForText(driver, By.id("rules-grid"), "error rate above 5 % over 5m for 2m");
    click("rule-edit-checkout-errors");
    Browser.waitForText(driver, By.id("rule-form-title"), "Edit rule Checkout errors");
    WebElement threshold = input("rule-threshold");
    assertThat(threshold.getAttribute("value")).isEqualTo("5");
    assertThat(input("rule-window").getAttribute("value")).isEqualTo("5m");
    assertThat(input("rule-for").getAttribute("value")).isEqualTo("2m");
    assertThat(input("rule-labels").getAttribute("value")).isEqualTo("severity=page");

    threshold.sendKeys(Keys.chord(Keys.CONTROL, "a"), "7.5");
    driver.findElement(By.id("rule-save")).click();
    Browser.waitForText(driver, By.id("rule-form-title"), "New rule");
    WebElement grid =
        Browser.waitForText(driver, By.id("rules-grid"), "error rate above 7.5 % over 5m for 2m");
    assertThat(grid.getText()).doesNotContain("error rate above 5 %");
    Browser.screenshot(driver, "rule-edited");
    assertThat(rules.find("checkout-errors").orElseThrow().threshold()).isEqualTo(7.5);
    assertThat(rules.rules())
        .extracting(MetricRule::id, MetricRule::threshold)
        .containsExactlyInAnyOrder(tuple("checkout-errors", 7.5), tuple("stale-errors", 50.0));

    click("rule-delete-stale-errors");
    click("rule-delete-stale-errors-confirm");
    Browser.waitFor(driver)
        .until(
            ExpectedConditions.not(
                ExpectedConditions.textToBePresentInElementLocated(
                    By.id("rules-grid"), "Stale errors")));
    assertThat(rules.rules()).extracting(MetricRule::id).containsExactly("checkout-errors");
  }

  private static SloDefinition slo(String id, String name, double objective, Instant now) {
    return new SloDefinition(
        id,
        0,
        name,
        "checkout",
        objective,
        Duration.ofDays(30),
        0,
        WEBHOOK,
        now,
        new SloSpec("availability", 0, List.of(), "30d", 10, "", Map.of("team", "payments")));
  }

  private static MetricRule rule(String id, String name, double threshold) {
    return new MetricRule(
        id,
        name,
        MetricSeries.ERROR_RATE,
        "checkout",
        MetricRule.Comparison.ABOVE,
        threshold,
        Duration.ofMinutes(5),
        Duration.ofMinutes(2),
        MetricRule.NoData.OK,
        Duration.ZERO,
        Map.of("severity", "page"),
        true);
  }

  /** Grid cells may lie outside the visible part of a wide grid: scroll there first. */
  private void click(String id) {
    WebElement button =
        Browser.waitFor(driver).until(ExpectedConditions.presenceOfElementLocated(By.id(id)));
    driver.executeScript(
        "arguments[0].scrollIntoView({block: 'center', inline: 'center'})", button);
    Browser.waitFor(driver).until(ExpectedConditions.elementToBeClickable(button)).click();
  }

  private WebElement input(String id) {
    return driver.findElement(By.cssSelector("#" + id + " input"));
  }
}
