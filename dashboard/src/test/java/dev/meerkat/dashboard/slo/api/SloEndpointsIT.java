package dev.meerkat.dashboard.slo.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.meerkat.dashboard.slo.domain.SloStatus;
import dev.meerkat.dashboard.slo.service.SloService;
import dev.meerkat.dashboard.slo.service.SlosAsCode;
import dev.meerkat.dashboard.testing.FixedTestClock;
import dev.meerkat.dashboard.testing.SpanSeeder;
import dev.meerkat.dashboard.testing.TemporaryDirectories;
import dev.meerkat.dashboard.testing.TestStores;
import dev.meerkat.dashboard.testing.TestUsers;
import dev.meerkat.store.clickhouse.ClickHouseStore;
import dev.meerkat.store.slo.SloDefinition;
import dev.meerkat.store.slo.SloRepository;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The running dashboard with a real ClickHouse, an H2 state store and an SLO directory: the YAML
 * files are loaded at start and marked as managed by file, {@code /metrics} exposes every SLO's
 * numbers, and OpenSLO documents go in and out over HTTP.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "meerkat.slo.evaluation-enabled=false")
@Import(FixedTestClock.class)
class SloEndpointsIT {

  /** The API takes the test editor's token (issue 8); /metrics is open without one. */
  private static final String EDITOR = "Bearer " + TestUsers.EDITOR_TOKEN;

  private static final Instant NOW = Instant.parse("2026-03-01T12:00:30Z");
  private static final TestStores STORES = TestStores.create("meerkat-state-");
  private static final Path SLO_DIR = TemporaryDirectories.create("meerkat-slos-");

  /** Objective 75 %: 1 - 0.75 = 0.25 is exact in binary, so every expected number is too. */
  private static final String SLO_FILE =
      """
      slos:
        - id: pay-availability
          name: Payment availability
          service: checkout
          indicator: availability
          operations: [POST /pay]
          objective: 75
          window: 30d
        - id: search-availability
          name: Search availability
          service: search
          indicator: availability
          objective: 75
          window: 7d
      """;

  @LocalServerPort private int port;
  @Autowired private SloRepository slos;
  @Autowired private SloService service;

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    STORES.register(registry);
    FixedTestClock.register(registry, NOW);
    registry.add("meerkat.slo.directory", SLO_DIR::toString);
  }

  @BeforeAll
  static void seed() throws IOException {
    Files.writeString(SLO_DIR.resolve("slos.yaml"), SLO_FILE, StandardCharsets.UTF_8);
    try (ClickHouseStore store = STORES.migrated()) {
      // Minute 11:59: POST /pay 95 good and 5 bad; GET /cart's errors are not in the SLI.
      Instant minute = NOW.minusSeconds(60);
      SpanSeeder.create()
          .requests(95, "checkout", "POST /pay", "SERVER", minute, Duration.ofMillis(5), false)
          .requests(5, "checkout", "POST /pay", "SERVER", minute, Duration.ofMillis(5), true)
          .requests(10, "checkout", "GET /cart", "SERVER", minute, Duration.ofMillis(5), true)
          .insertInto(store);
    }
  }

  /**
   * The tests share one application: what an import added goes again, so the others see the files.
   */
  @AfterEach
  void removeImportedSlos() {
    slos.listCurrent().stream()
        .filter(slo -> slo.spec().origin().equals(SlosAsCode.OPENSLO_IMPORT))
        .forEach(slo -> slos.delete(slo.id(), NOW));
  }

  @Test
  void loadsTheSloDirectoryAtStartAsManagedByFile() {
    assertThat(slos.listCurrent())
        .extracting(SloDefinition::id, s -> s.spec().origin(), s -> s.spec().operations())
        .containsExactlyInAnyOrder(
            tuple("pay-availability", "slos.yaml", List.of("POST /pay")),
            tuple("search-availability", "slos.yaml", List.of()));
    // The list is ordered by error budget left: 1 - 5 / (0.25 * 100) = 0.8 before 1 (no traffic).
    assertThat(service.statuses())
        .extracting(
            s -> s.definition().id(), SloStatus::errorBudgetRemaining, SloStatus::statusLabel)
        .containsExactly(
            tuple("pay-availability", 0.8, "ok"), tuple("search-availability", 1.0, "ok"));
  }

  @Test
  void exposesEverySloOnMetrics() throws Exception {
    HttpResponse<String> response = get("/metrics");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("text/plain;version=0.0.4"));
    // 100 requests of POST /pay, 5 bad, in every window: SLI 0.95, burn rate 0.05 / 0.25 = 0.2,
    // budget left 0.8. Search had no traffic: no SLI, no burn rates, its whole budget.
    String pay = "service=\"checkout\",slo=\"pay-availability\"";
    String search = "service=\"search\",slo=\"search-availability\"";
    StringBuilder expected = new StringBuilder();
    expected.append(
        "# HELP meerkat_slo_burn_rate Error ratio over the window divided by the allowed error"
            + " ratio\n# TYPE meerkat_slo_burn_rate gauge\n");
    for (String window : List.of("1d", "1h", "2h", "30m", "3d", "5m", "6h")) {
      expected.append("meerkat_slo_burn_rate{" + pay + ",window=\"" + window + "\"} 0.2\n");
    }
    expected.append(
        "# HELP meerkat_slo_error_budget_remaining Share of the error budget left: 1 untouched, 0"
            + " spent, negative overspent\n"
            + "# TYPE meerkat_slo_error_budget_remaining gauge\n"
            + "meerkat_slo_error_budget_remaining{"
            + pay
            + "} 0.8\n"
            + "meerkat_slo_error_budget_remaining{"
            + search
            + "} 1.0\n"
            + "# HELP meerkat_slo_objective Target share of good events\n"
            + "# TYPE meerkat_slo_objective gauge\n"
            + "meerkat_slo_objective{"
            + pay
            + "} 0.75\n"
            + "meerkat_slo_objective{"
            + search
            + "} 0.75\n"
            + "# HELP meerkat_slo_sli Share of good events over the SLO period\n"
            + "# TYPE meerkat_slo_sli gauge\n"
            + "meerkat_slo_sli{"
            + pay
            + "} 0.95\n");
    assertThat(response.body()).isEqualTo(expected.toString());
  }

  @Test
  void importsAndExportsOpenSlo() throws Exception {
    String document = resource("/slo/openslo-checkout.yaml");

    HttpResponse<String> imported = post("/api/v1/slos/openslo", document);

    assertThat(imported.statusCode()).isEqualTo(200);
    assertThat(imported.body())
        .isEqualTo(
            "{\"saved\":[\"checkout-availability\",\"checkout-pay-latency\",\"search-monthly\"],"
                + "\"unchanged\":[],\"errors\":[]}");
    assertThat(slos.find("checkout-availability"))
        .hasValueSatisfying(slo -> assertThat(slo.spec().origin()).isEqualTo("openslo-import"));
    assertThat(post("/api/v1/slos/openslo", document).body())
        .isEqualTo(
            "{\"saved\":[],\"unchanged\":[\"checkout-availability\",\"checkout-pay-latency\","
                + "\"search-monthly\"],\"errors\":[]}");

    HttpResponse<String> exported = get("/api/v1/slos/openslo");
    assertThat(exported.statusCode()).isEqualTo(200);
    assertThat(exported.body())
        .contains(
            "name: checkout-availability", "name: pay-availability", "name: search-availability");
  }

  @Test
  void rejectsABrokenOpenSloDocumentAndSavesNothing() throws Exception {
    HttpResponse<String> response =
        post("/api/v1/slos/openslo", resource("/slo/openslo-unsupported.yaml"));

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).contains("\"saved\":[]", "\"errors\":[\"upload:");
    assertThat(slos.listCurrent())
        .extracting(SloDefinition::id)
        .doesNotContain("prom-availability");
  }

  private HttpResponse<String> get(String path) throws Exception {
    return send(HttpRequest.newBuilder(uri(path)).header("Authorization", EDITOR).GET().build());
  }

  private HttpResponse<String> post(String path, String body) throws Exception {
    return send(
        HttpRequest.newBuilder(uri(path))
            .header("Content-Type", "application/yaml")
            .header("Authorization", EDITOR)
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build());
  }

  private static HttpResponse<String> send(HttpRequest request) throws Exception {
    try (HttpClient client = HttpClient.newHttpClient()) {
      return client.send(request, HttpResponse.BodyHandlers.ofString());
    }
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }

  private static String resource(String name) throws IOException {
    try (InputStream in = SloEndpointsIT.class.getResourceAsStream(name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
