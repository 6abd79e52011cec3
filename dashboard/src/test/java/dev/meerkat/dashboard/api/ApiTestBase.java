package dev.meerkat.dashboard.api;

import static dev.meerkat.dashboard.api.SeededTelemetry.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import dev.meerkat.dashboard.MeerkatDashboardApplication;
import dev.meerkat.dashboard.testing.ApiGet;
import dev.meerkat.dashboard.testing.FixedTestClock;
import dev.meerkat.dashboard.testing.TestStores;
import dev.meerkat.store.clickhouse.ClickHouseStore;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The running dashboard on a real ClickHouse holding {@link SeededTelemetry}, an H2 state store and
 * a clock fixed at {@link SeededTelemetry#NOW}; the API is called over real HTTP. The API test
 * classes extend this one and share one application (Spring caches the context).
 */
@SpringBootTest(
    classes = {MeerkatDashboardApplication.class, FixedTestClock.class},
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "meerkat.slo.evaluation-enabled=false",
      "meerkat.apdex.thresholds.checkout=" + ApiTestBase.CHECKOUT_APDEX_MILLIS + "ms"
    })
abstract class ApiTestBase {

  /** Apdex T of checkout; search keeps the default of 500 ms. */
  static final long CHECKOUT_APDEX_MILLIS = 5;

  private static final TestStores STORES = TestStores.create("meerkat-api-state-");
  private static final JsonMapper json = JsonMapper.builder().build();
  private static boolean seeded;

  @LocalServerPort private int port;

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    STORES.register(registry);
    FixedTestClock.register(registry, NOW);
  }

  @BeforeAll
  static synchronized void seed() {
    if (seeded) {
      return;
    }
    try (ClickHouseStore store = STORES.migrated()) {
      SeededTelemetry.writeInto(store);
    }
    seeded = true;
  }

  /** GET {@code path}, expecting {@code status} and a JSON body. */
  JsonNode get(String path, int status) throws Exception {
    HttpResponse<String> response = send(path);
    assertThat(response.statusCode())
        .as("status of %s: %s", path, response.body())
        .isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
    return json.readTree(response.body());
  }

  JsonNode ok(String path) throws Exception {
    return get(path, 200);
  }

  /** The message of the error answer to {@code path}, which must have {@code status}. */
  String error(String path, int status) throws Exception {
    JsonNode body = get(path, status);
    assertThat(body.propertyNames()).containsExactly("message");
    return body.get("message").asString();
  }

  /** The string field {@code name} of every element of {@code array}, in order. */
  static List<String> each(JsonNode array, String name) {
    List<String> values = new ArrayList<>();
    array.forEach(element -> values.add(element.get(name).asString()));
    return values;
  }

  HttpResponse<String> send(String path) throws Exception {
    return ApiGet.get(port, path);
  }
}
