package dev.meerkat.dashboard.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meerkat.dashboard.testing.TestStores;
import dev.meerkat.dashboard.testing.TestUsers;
import jakarta.servlet.http.HttpSession;
import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionListener;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The session a real sign-in creates carries {@code meerkat.auth.session-timeout} as its idle
 * limit, so Tomcat signs the user out after that much inactivity. Waiting out a real timeout would
 * tie the test to Tomcat's expiry sweep (once a minute); the limit on the signed-in session is what
 * the setting controls. The test's own session listener sees the sessions Tomcat creates.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"meerkat.slo.evaluation-enabled=false", "meerkat.auth.session-timeout=7m"})
@Import(SessionTimeoutBrowserIT.CreatedSessions.class)
class SessionTimeoutBrowserIT {

  private static final TestStores STORES = TestStores.create("meerkat-session-data-");

  @RegisterExtension static final BrowserSession browser = BrowserSession.signedOut();
  private final ChromeDriver driver = browser.driver();

  /** Every HTTP session Tomcat creates (Spring Boot registers listener beans with the server). */
  @TestConfiguration
  static class CreatedSessions implements HttpSessionListener {
    static final List<HttpSession> SESSIONS = new CopyOnWriteArrayList<>();

    @Override
    public void sessionCreated(HttpSessionEvent event) {
      SESSIONS.add(event.getSession());
    }
  }

  @DynamicPropertySource
  static void stores(DynamicPropertyRegistry registry) {
    STORES.register(registry);
  }

  @Test
  void theSignedInSessionExpiresAfterTheConfiguredInactivity() {
    Browser.signIn(driver, browser.url(""), TestUsers.VIEWER);

    List<Integer> idleLimits =
        CreatedSessions.SESSIONS.stream()
            .filter(session -> signedInUser(session).equals(TestUsers.VIEWER))
            .map(HttpSession::getMaxInactiveInterval)
            .toList();

    // One signed-in session, with 7 minutes = 420 seconds as its idle limit.
    assertThat(idleLimits).containsExactly(420);
  }

  private static String signedInUser(HttpSession session) {
    try {
      return session.getAttribute("SPRING_SECURITY_CONTEXT") instanceof SecurityContext context
              && context.getAuthentication() != null
          ? context.getAuthentication().getName()
          : "";
    } catch (IllegalStateException invalidated) {
      return ""; // the pre-sign-in session, if the sign-in replaced it
    }
  }
}
