package dev.meerkat.dashboard.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.meerkat.dashboard.security.domain.AuditEntry;
import dev.meerkat.dashboard.security.service.AuditLog;
import dev.meerkat.dashboard.slo.service.SloService;
import dev.meerkat.dashboard.testing.SpanSeeder;
import dev.meerkat.dashboard.testing.TestStores;
import dev.meerkat.dashboard.testing.TestUsers;
import dev.meerkat.store.clickhouse.ClickHouseStore;
import dev.meerkat.store.slo.SloDefinition;
import dev.meerkat.store.slo.SloRepository;
import dev.meerkat.store.slo.SloSpec;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Sign-in and roles in a real Chromium against the running dashboard (issue 8): a viewer sees no
 * buttons that change anything and the server refuses the change anyway; an editor creates an SLO
 * and the audit log names them; sign-out, a wrong password, the lock after five, the session
 * cookie's flags, and the API's answers without or with a wrong token. The lock test runs last: it
 * locks 127.0.0.1 for a minute.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "meerkat.slo.evaluation-enabled=false",
      // What ./meerkat demo sets: the demo SLO (created at start as the system) and the demo user.
      "meerkat.demo.enabled=true",
      "meerkat.auth.demo-password=" + SecurityBrowserIT.DEMO_PASSWORD,
      "meerkat.auth.demo-token=" + SecurityBrowserIT.DEMO_TOKEN
    })
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SecurityBrowserIT {

  private static final TestStores STORES = TestStores.create("meerkat-security-data-");
  private static final String SEEDED = "seeded-availability";
  private static final String WRONG = "Wrong user name or password.";
  static final String DEMO_PASSWORD = "demo-password-for-tests";
  static final String DEMO_TOKEN = "mk_demo_token_for_tests";

  @RegisterExtension static final BrowserSession browser = BrowserSession.signedOut();
  private final ChromeDriver driver = browser.driver();

  @Autowired private SloRepository slos;
  @Autowired private SloService sloService;
  @Autowired private AuditLog audit;

  @DynamicPropertySource
  static void stores(DynamicPropertyRegistry registry) {
    STORES.register(registry);
  }

  @BeforeAll
  static void seed() {
    try (ClickHouseStore store = STORES.migrated()) {
      SpanSeeder.create()
          .requests(
              10,
              "checkout",
              "GET /cart",
              "SERVER",
              Instant.now().minus(Duration.ofMinutes(5)),
              Duration.ofMillis(8),
              false)
          .insertInto(store);
    }
  }

  @BeforeEach
  void signedOutWithOneSlo() {
    driver.manage().deleteAllCookies();
    if (slos.find(SEEDED).isEmpty()) {
      slos.save(
          new SloDefinition(
              SEEDED,
              0,
              "Seeded availability",
              "checkout",
              0.99,
              Duration.ofDays(30),
              0,
              "",
              Instant.now(),
              new SloSpec("availability", 0, List.of(), "30d", 10, "")));
    }
  }

  @AfterEach
  void noUserOnTheTestThread() {
    SecurityContextHolder.clearContext();
  }

  @Test
  @Order(1)
  void viewerSeesNoChangeButtonsAndTheServerRefusesChanges() throws Exception {
    Browser.signIn(driver, browser.url(""), TestUsers.VIEWER);
    driver.get(browser.url("/slos"));
    WebElement grid = waitForText(By.id("slos-grid"), "Seeded availability");
    assertThat(driver.findElements(By.id("slo-form"))).isEmpty();
    assertThat(grid.findElements(By.tagName("vaadin-button"))).isEmpty();
    Browser.screenshot(driver, "slos-as-viewer");
    for (String page : new String[] {"/channels", "/rules"}) {
      driver.get(browser.url(page));
      waitForText(By.id("signed-in-user"), TestUsers.VIEWER);
      assertThat(driver.findElements(By.cssSelector("#channel-form, #rule-form")))
          .as(page)
          .isEmpty();
    }
    driver.get(browser.url("/silences"));
    waitForText(By.id("signed-in-user"), TestUsers.VIEWER);
    assertThat(
            driver.findElements(By.cssSelector("#silence-form, #route-save, #window-form")).stream()
                .filter(WebElement::isDisplayed))
        .isEmpty();

    // The REST call the form would make, with the viewer's own token: refused, nothing saved.
    HttpResponse<String> post =
        send(
            HttpRequest.newBuilder(URI.create(browser.url("/api/v1/slos/openslo")))
                .header("Authorization", "Bearer " + TestUsers.VIEWER_TOKEN)
                .header("Content-Type", "application/yaml")
                .POST(HttpRequest.BodyPublishers.ofString("apiVersion: openslo/v1\n"))
                .build());
    assertThat(post.statusCode()).isEqualTo(403);
    assertThat(post.body())
        .isEqualTo(
            "{\"message\":\"Your role does not allow this call; it needs the editor role\"}");

    // The service itself, called as the viewer: refused, the SLO is still there.
    SecurityContextHolder.getContext()
        .setAuthentication(
            UsernamePasswordAuthenticationToken.authenticated(
                TestUsers.VIEWER, null, AuthorityUtils.createAuthorityList("ROLE_VIEWER")));
    assertThatThrownBy(() -> sloService.delete(SEEDED)).isInstanceOf(AccessDeniedException.class);
    assertThat(slos.find(SEEDED)).isPresent();
  }

  @Test
  @Order(2)
  void editorCreatesAnSloAndTheAdminSeesItInTheAuditLog() {
    Browser.signIn(driver, browser.url(""), TestUsers.EDITOR);
    driver.get(browser.url("/slos"));
    waitForText(By.id("slo-form"), "Objective");
    driver.findElement(By.cssSelector("#slo-id input")).sendKeys("cart-availability");
    driver.findElement(By.cssSelector("#slo-name input")).sendKeys("Cart availability");
    driver.findElement(By.cssSelector("#slo-service input")).sendKeys("checkout", Keys.ENTER);
    WebElement objective = driver.findElement(By.cssSelector("#slo-objective input"));
    objective.sendKeys(Keys.chord(Keys.CONTROL, "a"), "75");
    driver.findElement(By.id("slo-save")).click();
    waitForText(By.id("slos-grid"), "Cart availability");

    assertThat(slos.find("cart-availability").map(SloDefinition::name))
        .contains("Cart availability");
    assertThat(audit.recent(10))
        .extracting(
            AuditEntry::user, AuditEntry::action, AuditEntry::objectType, AuditEntry::objectId)
        .containsExactly(
            tuple(TestUsers.EDITOR, "save", "slo", "cart-availability"),
            tuple("system:demo-setup", "save", "slo", "checkout-availability"));

    // The editor has no audit page; the admin (here the demo user) has.
    // (Vaadin answers a denied view as a route it does not know, so as not to reveal it.)
    driver.get(browser.url("/audit"));
    waitForText(By.tagName("body"), "Could not navigate to 'audit'");
    assertThat(driver.findElements(By.id("audit-grid"))).isEmpty();
    driver.manage().deleteAllCookies();
    Browser.submitLogin(driver, browser.url(""), "demo", DEMO_PASSWORD);
    waitForText(By.id("signed-in-user"), "demo");
    driver.get(browser.url("/audit"));
    WebElement log = waitForText(By.id("audit-grid"), "cart-availability");
    assertThat(log.findElements(By.tagName("vaadin-grid-cell-content")))
        .extracting(WebElement::getText)
        .containsSubsequence(TestUsers.EDITOR, "save", "slo", "cart-availability");
    Browser.screenshot(driver, "audit-log");
  }

  @Test
  @Order(3)
  void signOutReturnsToTheLoginPage() {
    Browser.signIn(driver, browser.url(""), TestUsers.EDITOR);
    driver.findElement(By.id("sign-out")).click();
    Browser.waitFor(driver).until(ExpectedConditions.urlToBe(browser.url("/login")));
    Browser.waitFor(driver).until(ExpectedConditions.presenceOfElementLocated(By.id("login-form")));
    assertThat(driver.findElements(By.id("sign-out"))).isEmpty();

    driver.get(browser.url("/slos"));
    Browser.waitFor(driver).until(ExpectedConditions.urlToBe(browser.url("/login")));
  }

  @Test
  @Order(4)
  void sessionCookieIsHttpOnlyAndSameSiteLax() {
    Browser.signIn(driver, browser.url(""), TestUsers.VIEWER);

    Cookie session = driver.manage().getCookieNamed("JSESSIONID");
    assertThat(session.isHttpOnly()).isTrue();
    assertThat(session.getSameSite()).isEqualTo("Lax");
    assertThat(driver.executeScript("return document.cookie")).isEqualTo("");
  }

  @Test
  @Order(5)
  void apiWantsAKnownTokenAndMetricsStayOpenForPrometheus() throws Exception {
    HttpResponse<String> none = get("/api/v1/slos/openslo", null);
    assertThat(none.statusCode()).isEqualTo(401);
    assertThat(none.body())
        .isEqualTo(
            "{\"message\":\"Authentication required: send 'Authorization: Bearer <API token>'"
                + " (tokens are listed in the users file, see docs/security.md)\"}");
    HttpResponse<String> unknown = get("/api/v1/slos/openslo", "not-a-token");
    assertThat(unknown.statusCode()).isEqualTo(401);
    assertThat(unknown.body()).isEqualTo("{\"message\":\"Invalid API token\"}");

    assertThat(get("/api/v1/slos/openslo", TestUsers.VIEWER_TOKEN).statusCode()).isEqualTo(200);
    HttpResponse<String> demo = get("/api/v1/slos/openslo", DEMO_TOKEN);
    assertThat(demo.statusCode()).isEqualTo(200);
    assertThat(demo.body()).contains("name: checkout-availability");
    HttpResponse<String> metrics = get("/metrics", null);
    assertThat(metrics.statusCode()).isEqualTo(200);
    assertThat(metrics.body()).contains("seeded-availability");
  }

  /** Runs last: five failures lock the user name and 127.0.0.1 for one minute. */
  @Test
  @Order(99)
  void wrongPasswordShowsAnErrorAndTheFifthLocksSignIn() {
    for (int attempt = 1; attempt <= 5; attempt++) {
      Browser.submitLogin(driver, browser.url(""), TestUsers.EDITOR, "wrong-" + attempt);
      assertThat(loginError()).as("attempt %d", attempt).isEqualTo(WRONG);
    }
    Browser.screenshot(driver, "login-wrong-password");

    // The right password is not even checked now.
    Browser.submitLogin(
        driver, browser.url(""), TestUsers.EDITOR, TestUsers.password(TestUsers.EDITOR));
    assertThat(loginError()).isEqualTo("Too many failed sign-ins; try again in 1 min");
    assertThat(driver.findElements(By.id("sign-out"))).isEmpty();
  }

  /** The error the login form shows, once it shows one after the redirect to /login?error. */
  private String loginError() {
    Browser.waitFor(driver).until(ExpectedConditions.urlContains("/login?error"));
    Browser.waitFor(driver)
        .until(
            d ->
                Boolean.TRUE.equals(
                    driver.executeScript(
                        "return document.querySelector('vaadin-login-form')?.error === true")));
    return (String)
        driver.executeScript(
            "return document.querySelector('vaadin-login-form').i18n.errorMessage.message");
  }

  private HttpResponse<String> get(String path, String token) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(browser.url(path))).GET();
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return send(request.build());
  }

  private static HttpResponse<String> send(HttpRequest request) throws Exception {
    try (HttpClient client = HttpClient.newHttpClient()) {
      return client.send(request, HttpResponse.BodyHandlers.ofString());
    }
  }

  private WebElement waitForText(By locator, String text) {
    Browser.waitFor(driver)
        .until(ExpectedConditions.textToBePresentInElementLocated(locator, text));
    return driver.findElement(locator);
  }
}
