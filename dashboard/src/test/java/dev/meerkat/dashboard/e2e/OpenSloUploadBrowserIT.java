package dev.meerkat.dashboard.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.meerkat.dashboard.slo.service.SlosAsCode;
import dev.meerkat.dashboard.testing.TestStores;
import dev.meerkat.dashboard.testing.TestUsers;
import dev.meerkat.store.slo.SloDefinition;
import dev.meerkat.store.slo.SloRepository;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.SearchContext;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * OpenSLO import and export on the SLO page in a real headless Chromium, with the golden files of
 * the OpenSLO format tests ({@code src/test/resources/slo}): a valid file is imported whole and
 * reported; a file with problems imports nothing and lists each with its file and line; the export
 * link downloads the same document back.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "meerkat.slo.evaluation-enabled=false")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OpenSloUploadBrowserIT {

  private static final TestStores STORES = TestStores.create("meerkat-openslo-data-");

  /** Signed in once per browser as the editor: these tests are about the pages, not sign-in. */
  @RegisterExtension
  static final BrowserSession browser = BrowserSession.signedInAs(TestUsers.EDITOR);

  private final ChromeDriver driver = browser.driver();

  @Autowired private SloRepository slos;

  @DynamicPropertySource
  static void stores(DynamicPropertyRegistry registry) {
    STORES.register(registry);
  }

  @BeforeAll
  static void createTables() {
    STORES.migrate();
  }

  @Test
  @Order(1)
  void fileWithProblemsImportsNothingAndListsEachWithFileAndLine() {
    driver.get(browser.url("/slos"));
    upload("openslo-unsupported.yaml");

    Browser.waitForText(
        driver,
        By.id("openslo-report"),
        "Nothing imported from openslo-unsupported.yaml: 5 problems");
    assertThat(driver.findElement(By.id("openslo-problems")).findElements(By.tagName("li")))
        .extracting(WebElement::getText)
        .containsExactly(
            "openslo-unsupported.yaml:32: apiVersion must be openslo/v1, was 'openslo/v2'",
            "openslo-unsupported.yaml:14: ratioMetric.good.metricSource must have type meerkat"
                + " and a spec, was type 'Prometheus'",
            "openslo-unsupported.yaml:19: ratioMetric.total.metricSource must have type meerkat"
                + " and a spec, was type 'Prometheus'",
            "openslo-unsupported.yaml:24: timeWindow must be a rolling 7d, 28d or 30d window, or a"
                + " 1M calendar window starting at midnight UTC on the 1st",
            "openslo-unsupported.yaml:28: budgetingMethod must be Occurrences, was 'Timeslices'");
    assertThat(slos.listCurrent()).isEmpty();
    Browser.screenshot(driver, "openslo-problems");
  }

  @Test
  @Order(2)
  void goldenFileIsImportedReportedListedAndExportedBackUnchanged() {
    // Same page as the failed upload, no reload: a second file can be chosen at once.
    upload("openslo-checkout.yaml");

    assertThat(Browser.waitForText(driver, By.id("openslo-report"), "Imported from").getText())
        .isEqualTo(
            "Imported from openslo-checkout.yaml: saved checkout-availability,"
                + " checkout-pay-latency, search-monthly; unchanged none");
    assertThat(driver.findElement(By.id("openslo-problems")).findElements(By.tagName("li")))
        .isEmpty();
    Browser.waitForText(driver, By.id("slos-grid"), "Payment latency");
    assertThat(slos.listCurrent())
        .extracting(SloDefinition::id, d -> d.spec().origin())
        .containsExactlyInAnyOrder(
            tuple("checkout-availability", SlosAsCode.OPENSLO_IMPORT),
            tuple("checkout-pay-latency", SlosAsCode.OPENSLO_IMPORT),
            tuple("search-monthly", SlosAsCode.OPENSLO_IMPORT));
    Browser.screenshot(driver, "openslo-imported");

    // The export link, fetched by the page itself (its session), gives the golden file back.
    WebElement export = driver.findElement(By.id("openslo-export"));
    Object exported =
        driver.executeAsyncScript(
            "const done = arguments[arguments.length - 1];"
                + "fetch(arguments[0].href).then(r => r.text()).then(done, e => done('error ' + e));",
            export);
    assertThat(exported).isEqualTo(golden("openslo-checkout.yaml"));
  }

  /** The file input lives in the upload's shadow DOM; Chrome accepts a path even when hidden. */
  private void upload(String resource) {
    WebElement upload =
        Browser.waitFor(driver)
            .until(ExpectedConditions.presenceOfElementLocated(By.id("openslo-upload")));
    SearchContext shadow = upload.getShadowRoot();
    WebElement input = shadow.findElement(By.cssSelector("input[type=file]"));
    // ChromeDriver adds to what a multiple-file input already holds: start from an empty one, as
    // a user's file dialog does.
    driver.executeScript("arguments[0].value = ''", input);
    input.sendKeys(resourcePath(resource).toString());
  }

  private static Path resourcePath(String resource) {
    try {
      return Path.of(OpenSloUploadBrowserIT.class.getResource("/slo/" + resource).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String golden(String resource) {
    try {
      return Files.readString(resourcePath(resource), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
