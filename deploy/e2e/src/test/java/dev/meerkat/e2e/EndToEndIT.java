package dev.meerkat.e2e;

import static dev.meerkat.e2e.OwnersStatement.INSERT_OWNER;
import static dev.meerkat.e2e.OwnersStatement.OWNERS_BY_LAST_NAME;
import static dev.meerkat.e2e.OwnersStatement.OWNER_BY_ID;
import static dev.meerkat.e2e.OwnersStatement.OWNER_EXISTS;
import static dev.meerkat.e2e.OwnersStatement.PETS_OF_OWNER;
import static dev.meerkat.e2e.OwnersStatement.PET_OF_OWNER;
import static dev.meerkat.e2e.OwnersStatement.VISITS_OF_TWO_PETS;
import static dev.meerkat.e2e.SpanRows.attributes;
import static dev.meerkat.e2e.SpanRows.children;
import static dev.meerkat.e2e.SpanRows.only;
import static dev.meerkat.e2e.SpanRows.resource;
import static org.assertj.core.api.Assertions.assertThat;

import dev.meerkat.store.clickhouse.ClickHouseStore;
import dev.meerkat.store.clickhouse.Row;
import dev.meerkat.store.clickhouse.testing.ClickHouseFixture;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The product as users run it: the collector's runnable jar writing to a real ClickHouse, and the
 * three demo services as separate JVMs with the shaded agent jar attached. One request through
 * several services must arrive in ClickHouse as one trace with the right links, kinds and
 * attributes; the Spring Boot service's requests are named by their route and carry their JDBC
 * statements as children.
 */
class EndToEndIT {
  private static final ClickHouseFixture clickHouse = ClickHouseFixture.shared();
  private static final Duration DEADLINE = Duration.ofSeconds(90);
  private static final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  // The owners service's route templates (its controllers' mappings).
  private static final Set<String> OWNERS_ROUTES =
      Set.of(
          "/owners",
          "/owners/{ownerId}",
          "/owners/{ownerId}/pets",
          "/owners/{ownerId}/visits",
          "/owners/{ownerId}/pets/{petId}/food");

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
                          + " HAVING spans = 3 AND countIf(service_name = 'checkout') = 2"
                          + " ORDER BY trace_id");
              return rows.size() >= 2
                  ? rows.stream().map(r -> r.string("trace_id")).toList()
                  : null;
            });

    Set<String> clientInstrumentations = new java.util.TreeSet<>();
    for (String traceId : traceIds) {
      List<Row> spans = SpanRows.trace(store, traceId);
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

  @Test
  void springRequestsAreNamedByRouteWithTheirJdbcStatementsAsChildren() throws Exception {
    String owners = stack.ownersUrl();
    assertThat(get(owners + "/owners/1").statusCode()).isEqualTo(200);
    assertThat(get(owners + "/owners?lastName=Davis").statusCode()).isEqualTo(200);
    assertThat(get(owners + "/owners/3/pets").statusCode()).isEqualTo(200);
    assertThat(postJson(owners + "/owners", "{\"firstName\":\"Ada\",\"lastName\":\"Byron\"}"))
        .isEqualTo(201);
    // The stack runs owners with owners.visits.error-rate=1: this one always fails.
    assertThat(get(owners + "/owners/6/visits").statusCode()).isEqualTo(500);

    // Table names are those of the JPA entities (@Table): owners, pets, visits.
    assertOwnersRequest("GET", "/owners/1", "/owners/{ownerId}", 200, OWNER_BY_ID);
    assertOwnersRequest("GET", "/owners?lastName=Davis", "/owners", 200, OWNERS_BY_LAST_NAME);
    assertOwnersRequest(
        "GET", "/owners/3/pets", "/owners/{ownerId}/pets", 200, OWNER_EXISTS, PETS_OF_OWNER);
    assertOwnersRequest("POST", "/owners", "/owners", 201, INSERT_OWNER);
    // The 500 goes through Spring's error page (a second, ERROR dispatch to /error): still one
    // SERVER span, named by the controller's route.
    assertOwnersRequest(
        "GET",
        "/owners/6/visits",
        "/owners/{ownerId}/visits",
        500,
        PETS_OF_OWNER,
        VISITS_OF_TWO_PETS);

    // No owners SERVER span anywhere is named by a raw path (/owners/1) or by the error page.
    List<Row> serverNames =
        store.query(
            "SELECT DISTINCT span_name, http_method, http_route FROM spans"
                + " WHERE service_name = 'owners' AND span_kind = 'SERVER'");
    assertThat(serverNames)
        .allSatisfy(
            r -> {
              assertThat(OWNERS_ROUTES).contains(r.string("http_route"));
              assertThat(r.string("span_name"))
                  .isEqualTo(r.string("http_method") + " " + r.string("http_route"));
            });
    assertThat(stack.agentWarningsAndErrors()).isEmpty();
  }

  @Test
  void springServiceCallsInventoryInTheSameTrace() throws Exception {
    HttpResponse<String> food = get(stack.ownersUrl() + "/owners/1/pets/1/food");
    assertThat(food.statusCode()).isEqualTo(200);
    assertThat(food.body()).isEqualTo("sku food-cat in stock: 7\n");

    // owners SERVER -> (owners JDBC CLIENT, owners HTTP CLIENT -> inventory SERVER)
    List<Row> spans =
        SpanRows.serverTrace(store, DEADLINE, "owners", "GET", "/owners/1/pets/1/food", 4);
    assertThat(spans).hasSize(4);
    Row ownersServer = only(spans, "owners", "SERVER");
    Row inventoryServer = only(spans, "inventory", "SERVER");
    assertThat(ownersServer.string("span_name"))
        .isEqualTo("GET /owners/{ownerId}/pets/{petId}/food");
    assertThat(ownersServer.string("http_route")).isEqualTo("/owners/{ownerId}/pets/{petId}/food");
    assertThat(ownersServer.longValue("http_status_code")).isEqualTo(200);

    List<Row> calls = children(spans, ownersServer);
    assertThat(calls)
        .extracting(r -> r.string("span_name"))
        .containsExactly(PET_OF_OWNER.spanName(), "GET");
    assertStatement(calls.get(0), PET_OF_OWNER);
    Row inventoryCall = calls.get(1);
    assertThat(inventoryCall.string("span_kind")).isEqualTo("CLIENT");
    assertThat(inventoryCall.string("http_method")).isEqualTo("GET");
    assertThat(inventoryCall.longValue("http_status_code")).isEqualTo(200);
    // RestClient over java.net.http (JdkClientHttpRequestFactory).
    assertThat(inventoryCall.string("scope_name")).isEqualTo("dev.meerkat.agent.java-http-client");
    assertThat(attributes(inventoryCall).get("url.full"))
        .isEqualTo(stack.inventoryUrl() + "/inventory/food-cat");

    assertThat(inventoryServer.string("parent_span_id")).isEqualTo(inventoryCall.string("span_id"));
    assertThat(inventoryServer.string("span_name")).isEqualTo("GET /inventory");
    assertThat(resource(ownersServer).get("service.name")).isEqualTo("owners");
    assertThat(stack.agentWarningsAndErrors()).isEmpty();
  }

  /**
   * Asserts the trace of one owners request to {@code target} (path and query): one SERVER span
   * named {@code METHOD route}, whose only children are the JDBC statements named, in this order.
   * Returns the SERVER span.
   */
  private static Row assertOwnersRequest(
      String method, String target, String route, int status, OwnersStatement... statements)
      throws InterruptedException {
    URI uri = URI.create(target);
    String path = uri.getRawPath();
    List<Row> spans =
        SpanRows.serverTrace(store, DEADLINE, "owners", method, path, 1 + statements.length);
    assertThat(spans).as("spans of %s %s", method, path).hasSize(1 + statements.length);
    Row server = only(spans, "owners", "SERVER");
    assertThat(server.string("parent_span_id")).isEmpty();
    assertThat(server.string("scope_name")).isEqualTo("dev.meerkat.agent.servlet-jakarta");
    assertThat(server.string("span_name")).isEqualTo(method + " " + route);
    assertThat(server.string("http_route")).isEqualTo(route);
    assertThat(server.string("http_method")).isEqualTo(method);
    assertThat(server.longValue("http_status_code")).isEqualTo(status);
    assertThat(server.string("status_code")).isEqualTo(status >= 500 ? "ERROR" : "UNSET");
    Map<String, String> expected = new HashMap<>();
    expected.put("http.request.method", method);
    expected.put("http.route", route);
    expected.put("http.response.status_code", Integer.toString(status));
    expected.put("url.scheme", "http");
    expected.put("url.path", path);
    expected.put("server.address", "127.0.0.1");
    expected.put("server.port", Integer.toString(URI.create(stack.ownersUrl()).getPort()));
    expected.put("client.address", "127.0.0.1");
    expected.put("user_agent.original", "Java-http-client/" + System.getProperty("java.version"));
    if (uri.getRawQuery() != null) {
      expected.put("url.query", uri.getRawQuery());
    }
    if (status >= 500) {
      expected.put("error.type", Integer.toString(status));
    }
    assertThat(attributes(server)).isEqualTo(expected);
    List<Row> children = children(spans, server);
    assertThat(children)
        .as("children of %s %s", method, path)
        .extracting(r -> r.string("span_name"))
        .containsExactly(
            Arrays.stream(statements).map(OwnersStatement::spanName).toArray(String[]::new));
    for (int i = 0; i < statements.length; i++) {
      assertStatement(children.get(i), statements[i]);
    }
    return server;
  }

  private static void assertStatement(Row span, OwnersStatement statement) {
    assertThat(span.string("service_name")).isEqualTo("owners");
    assertThat(span.string("span_kind")).isEqualTo("CLIENT");
    assertThat(span.string("span_name")).isEqualTo(statement.spanName());
    assertThat(span.string("status_code")).isEqualTo("UNSET");
    assertThat(span.string("scope_name")).isEqualTo("dev.meerkat.agent.jdbc");
    assertThat(attributes(span)).isEqualTo(statement.attributes());
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

  private static int postJson(String url, String json) throws Exception {
    return http.send(
            HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .timeout(Duration.ofSeconds(10))
                .build(),
            HttpResponse.BodyHandlers.discarding())
        .statusCode();
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
