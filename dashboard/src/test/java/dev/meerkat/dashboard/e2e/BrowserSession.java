package dev.meerkat.dashboard.e2e;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * One headless Chromium for a browser test class, pointed at the class's running dashboard: started
 * before the class's {@code @BeforeAll} seeding, quit after its last test, and (unless {@link
 * #signedOut}) signed in once before the first test. Register it on a static field with
 * {@code @RegisterExtension}; the class reads {@link #driver()} in its instance fields and tests.
 */
final class BrowserSession implements BeforeAllCallback, BeforeEachCallback, AfterAllCallback {

  private final String user;
  private ChromeDriver driver;
  private int port;
  private boolean signedIn;

  private BrowserSession(String user) {
    this.user = user;
  }

  /** Signs in as {@code user} (one of TestUsers) before the first test; the session is kept. */
  static BrowserSession signedInAs(String user) {
    return new BrowserSession(user);
  }

  /** Never signs in: the class's tests sign in (or not) themselves. */
  static BrowserSession signedOut() {
    return new BrowserSession(null);
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    driver = Browser.start();
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    port =
        SpringExtension.getApplicationContext(context)
            .getEnvironment()
            .getRequiredProperty("local.server.port", Integer.class);
    if (user != null && !signedIn) {
      Browser.signIn(driver, url(""), user);
      signedIn = true;
    }
  }

  @Override
  public void afterAll(ExtensionContext context) {
    if (driver != null) {
      driver.quit();
    }
  }

  ChromeDriver driver() {
    return driver;
  }

  /** The address of {@code path} (starting with "/", or "" for the root) on the dashboard. */
  String url(String path) {
    return "http://127.0.0.1:" + port + path;
  }
}
