package dev.meerkat.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meerkat.store.clickhouse.ClickHouseStore;
import dev.meerkat.store.clickhouse.Row;
import dev.meerkat.store.testing.ClickHouseFixture;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The product as users run it: the collector's runnable jar writing to a real ClickHouse, and the
 * two demo services as separate JVMs with the shaded agent jar attached. One request through both
 * services must arrive in ClickHouse as one trace with the right links, kinds and attributes.
 */
class EndToEndIT {
  private static final ClickHouseFixture clickHouse = ClickHouseFixture.shared();
  private static final Duration DEADLINE = Duration.ofSeconds(90);
  private static final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private static ClickHouseStore store;
  private static MeerkatStack stack;

  @BeforeAll
  static void startStack() throws Exception {
    store = clickHouse.newDatabase();
    Path work = Files.createDirectories(Path.of("target", "e2e-" + store.config().database()));
    stack = MeerkatStack.start(clickHouse.url(), store.config().database(), work);
    // Deterministic traffic: no injected inventory failures for this test.
    post(stack.inventoryUrl() + "/admin/error-rate?value=0");
  }

  @AfterAll
  static void stopStack() throws Exception {
    if (stack != null) {
      stack.close();
    }
    if (store != null) {
      store.close();
    }
  }

  @Test
  void requestsThroughBothServicesArriveAsLinkedTraces() throws Exception {
    assertThat(get(stack.checkoutUrl() + "/checkout").statusCode()).isEqualTo(200);
    assertThat(get(stack.checkoutUrl() + "/checkout/legacy").statusCode()).isEqualTo(200);

    // One trace per request, each made of checkout SERVER -> checkout CLIENT -> inventory SERVER.
    List<String> traceIds =
        Poll.until(
            DEADLINE,
            "complete traces of both requests in ClickHouse",
            () -> {
              List<Row> rows =
                  store.query(
                      "SELECT trace_id, count() AS spans FROM spans GROUP BY trace_id"
                          + " HAVING spans = 3 ORDER BY trace_id");
              return rows.size() >= 2
                  ? rows.stream().map(r -> r.string("trace_id")).toList()
                  : null;
            });

    Set<String> clientInstrumentations = new java.util.TreeSet<>();
    for (String traceId : traceIds) {
      List<Row> spans =
          store.query(
              "SELECT span_id, parent_span_id, service_name, span_kind, span_name, http_method,"
                  + " http_route, http_status_code, status_code, scope_name, attribute_keys, attribute_values,"
                  + " resource_keys, resource_values FROM spans WHERE trace_id = "
                  + ClickHouseStore.quote(traceId));
      Row checkoutServer = only(spans, "checkout", "SERVER");
      Row checkoutClient = only(spans, "checkout", "CLIENT");
      Row inventoryServer = only(spans, "inventory", "SERVER");

      assertThat(traceId).matches("[0-9a-f]{32}");
      assertThat(checkoutServer.string("parent_span_id")).isEmpty();
      assertThat(checkoutClient.string("parent_span_id"))
          .isEqualTo(checkoutServer.string("span_id"));
      assertThat(inventoryServer.string("parent_span_id"))
          .isEqualTo(checkoutClient.string("span_id"));

      clientInstrumentations.add(checkoutClient.string("scope_name"));
      assertThat(checkoutServer.string("http_route")).startsWith("/checkout");
      assertThat(checkoutServer.string("http_method")).isEqualTo("GET");
      assertThat(checkoutServer.longValue("http_status_code")).isEqualTo(200);
      assertThat(checkoutServer.string("span_name"))
          .isEqualTo("GET " + checkoutServer.string("http_route"));
      assertThat(checkoutServer.string("status_code")).isNotEqualTo("ERROR");

      assertThat(checkoutClient.string("span_name")).isEqualTo("GET");
      assertThat(checkoutClient.string("http_method")).isEqualTo("GET");
      assertThat(checkoutClient.longValue("http_status_code")).isEqualTo(200);
      assertThat(attributes(checkoutClient).get("url.full"))
          .startsWith(stack.inventoryUrl() + "/inventory/");

      assertThat(inventoryServer.string("http_route")).isEqualTo("/inventory");
      assertThat(inventoryServer.string("span_name")).isEqualTo("GET /inventory");
      assertThat(inventoryServer.longValue("http_status_code")).isEqualTo(200);

      assertThat(resource(checkoutServer).get("service.name")).isEqualTo("checkout");
      assertThat(resource(inventoryServer).get("service.name")).isEqualTo("inventory");
    }
    // The two requests took the two client paths (java.net.http and HttpURLConnection), each
    // reported under its own instrumentation scope.
    assertThat(clientInstrumentations).hasSize(2);
  }

  @Test
  void bothServicesExportJvmMetrics() throws Exception {
    Set<String> expected = Set.of("jvm.memory.used", "jvm.thread.count", "jvm.cpu.time");
    for (String service : List.of("checkout", "inventory")) {
      Poll.until(
          DEADLINE,
          "JVM metric points of " + service,
          () -> {
            Set<String> names =
                store
                    .query(
                        "SELECT DISTINCT metric_name FROM metric_points WHERE service_name = "
                            + ClickHouseStore.quote(service))
                    .stream()
                    .map(r -> r.string("metric_name"))
                    .collect(Collectors.toSet());
            return names.containsAll(expected) ? names : null;
          });
    }
    List<Row> heap =
        store.query(
            "SELECT max(value) AS used FROM metric_points WHERE service_name = 'checkout'"
                + " AND metric_name = 'jvm.memory.used'"
                + " AND has(attribute_values, 'heap')");
    assertThat(heap.get(0).doubleValue("used")).isPositive();
  }

  @Test
  void collectorServesRequestMetricsDerivedFromSpans() throws Exception {
    assertThat(get(stack.checkoutUrl() + "/checkout").statusCode()).isEqualTo(200);
    String exposition =
        Poll.until(
            DEADLINE,
            "span-derived request metrics for checkout",
            () -> {
              String body = getUnchecked(stack.adminUrl() + "/metrics").body();
              return body.contains("meerkat_service_requests_total{service=\"checkout\"}")
                  ? body
                  : null;
            });
    assertThat(exposition)
        .contains("meerkat_service_requests_total{service=\"inventory\"}")
        .contains("meerkat_service_request_duration_seconds_bucket{service=\"checkout\"");
  }

  private static Row only(List<Row> spans, String service, String kind) {
    List<Row> matching =
        spans.stream()
            .filter(r -> r.string("service_name").equals(service))
            .filter(r -> r.string("span_kind").equals(kind))
            .toList();
    assertThat(matching).as("%s %s spans", service, kind).hasSize(1);
    return matching.get(0);
  }

  private static Map<String, String> attributes(Row span) {
    return zip(span.strings("attribute_keys"), span.strings("attribute_values"));
  }

  private static Map<String, String> resource(Row span) {
    return zip(span.strings("resource_keys"), span.strings("resource_values"));
  }

  private static Map<String, String> zip(List<String> keys, List<String> values) {
    Map<String, String> map = new java.util.HashMap<>();
    for (int i = 0; i < keys.size(); i++) {
      map.put(keys.get(i), values.get(i));
    }
    return map;
  }

  static HttpResponse<String> get(String url) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static HttpResponse<String> getUnchecked(String url) {
    try {
      return get(url);
    } catch (Exception e) {
      throw new IllegalStateException("GET " + url + " failed", e);
    }
  }

  private static void post(String url) throws Exception {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create(url))
                .POST(HttpRequest.BodyPublishers.noBody())
                .timeout(Duration.ofSeconds(10))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as("POST %s", url).isBetween(200, 299);
  }
}
