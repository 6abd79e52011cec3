package dev.meerkat.dashboard.security.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meerkat.dashboard.testing.TemporaryDirectories;
import dev.meerkat.store.clickhouse.ClickHouseConfig;
import dev.meerkat.store.clickhouse.testing.ClickHouseFixture;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The OpenID Connect wiring, without a provider (none is reachable here): with only a provider
 * registered (no users file) the dashboard starts, and the provider's sign-in start redirects to
 * its authorization endpoint with Meerkat's client id and redirect URI. The code exchange and the
 * ID token check are Spring Security's and are not exercised.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "meerkat.slo.evaluation-enabled=false",
      "meerkat.auth.users-file=",
      "spring.security.oauth2.client.registration.corp.client-id=meerkat-dashboard",
      "spring.security.oauth2.client.registration.corp.client-secret=s3cret",
      "spring.security.oauth2.client.registration.corp.client-name=Corp SSO",
      "spring.security.oauth2.client.registration.corp.scope=openid,profile",
      "spring.security.oauth2.client.registration.corp.authorization-grant-type=authorization_code",
      "spring.security.oauth2.client.registration.corp.redirect-uri={baseUrl}/login/oauth2/code/{registrationId}",
      "spring.security.oauth2.client.provider.corp.authorization-uri=https://sso.example.com/auth",
      "spring.security.oauth2.client.provider.corp.token-uri=https://sso.example.com/token",
      "spring.security.oauth2.client.provider.corp.jwk-set-uri=https://sso.example.com/certs",
      "spring.security.oauth2.client.provider.corp.user-name-attribute=sub"
    })
class OidcSignInIT {

  private static final ClickHouseConfig DATABASE = ClickHouseFixture.shared().newDatabaseConfig();
  private static final Path STATE_DIR = TemporaryDirectories.create("meerkat-oidc-data-");

  @LocalServerPort private int port;

  @DynamicPropertySource
  static void stores(DynamicPropertyRegistry registry) {
    registry.add("meerkat.clickhouse.url", DATABASE::url);
    registry.add("meerkat.clickhouse.database", DATABASE::database);
    registry.add("meerkat.data-dir", () -> STATE_DIR.toString());
  }

  @Test
  void signInStartRedirectsToTheProvider() throws Exception {
    HttpResponse<String> start = get("/oauth2/authorization/corp");

    assertThat(start.statusCode()).isEqualTo(302);
    String location = start.headers().firstValue("Location").orElseThrow();
    assertThat(location).startsWith("https://sso.example.com/auth?response_type=code");
    assertThat(URI.create(location).getQuery())
        .contains(
            "client_id=meerkat-dashboard",
            "scope=openid profile",
            "redirect_uri=http://127.0.0.1:" + port + "/login/oauth2/code/corp");
  }

  @Test
  void pagesStillWantASignIn() throws Exception {
    HttpResponse<String> page = get("/slos");

    assertThat(page.statusCode()).isEqualTo(302);
    assertThat(page.headers().firstValue("Location"))
        .contains("http://127.0.0.1:" + port + "/login");
  }

  private HttpResponse<String> get(String path) throws Exception {
    try (HttpClient client = HttpClient.newHttpClient()) {
      return client.send(
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET().build(),
          HttpResponse.BodyHandlers.ofString());
    }
  }
}
