package dev.meerkat.dashboard.api;

import static dev.meerkat.dashboard.api.SeededTelemetry.DB_CALL;
import static dev.meerkat.dashboard.api.SeededTelemetry.M1;
import static dev.meerkat.dashboard.api.SeededTelemetry.M2;
import static dev.meerkat.dashboard.api.SeededTelemetry.NOW;
import static dev.meerkat.dashboard.api.SeededTelemetry.PAY_ERRORS;
import static dev.meerkat.dashboard.api.SeededTelemetry.PAY_MILLIS;
import static dev.meerkat.dashboard.api.SeededTelemetry.PAY_REQUESTS;
import static dev.meerkat.dashboard.api.SeededTelemetry.SEARCH;
import static dev.meerkat.dashboard.api.SeededTelemetry.bucketUpperMillis;
import static dev.meerkat.dashboard.api.SeededTelemetry.payFailed;
import static dev.meerkat.dashboard.api.SeededTelemetry.payStart;
import static dev.meerkat.dashboard.api.SeededTelemetry.searchStart;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** RED per service and operation, and the service graph, over HTTP against seeded spans. */
class ServicesApiIT extends ApiTestBase {

  private static final double WINDOW_SECONDS = 120;

  @Test
  void answersRedPerServiceFromTheSeededSpans() throws Exception {
    JsonNode body = ok("/api/v1/services?window=2m");

    assertThat(body.get("from").asString()).isEqualTo(M1.toString());
    assertThat(body.get("to").asString()).isEqualTo(NOW.toString());
    JsonNode services = body.get("services");
    assertThat(services.size()).isEqualTo(2);
    // POST /pay: 2, 2, 2, 2, 8, 8, 8, 40 ms. p50: rank 4 of 8 is a 2 ms one; p95 (rank 7.6) and
    // p99 (rank 7.92) fall on the 40 ms request. Each is its bucket's upper bound.
    assertRed(
        services.get(0),
        "checkout",
        PAY_REQUESTS,
        PAY_REQUESTS / WINDOW_SECONDS,
        (double) PAY_ERRORS / PAY_REQUESTS,
        bucketUpperMillis(Duration.ofMillis(2)),
        bucketUpperMillis(Duration.ofMillis(40)),
        bucketUpperMillis(Duration.ofMillis(40)));
    // Search first appears in M2: its rate is over the minute since then (docs/api.md).
    assertRed(
        services.get(1),
        "search",
        2,
        2 / 60.0,
        0,
        bucketUpperMillis(SEARCH),
        bucketUpperMillis(SEARCH),
        bucketUpperMillis(SEARCH));
  }

  @Test
  void answersApdexWithEachServicesThreshold() throws Exception {
    JsonNode services = ok("/api/v1/services?window=2m").get("services");

    // Checkout's T is 5 ms (ApiTestBase): by bucket upper bound a request is satisfied up to T,
    // tolerating up to 4T; the failed ones are frustrated (docs/dashboard.md, Apdex).
    double satisfied = 0;
    double tolerating = 0;
    for (int i = 0; i < PAY_REQUESTS; i++) {
      double upper = bucketUpperMillis(Duration.ofMillis(PAY_MILLIS[i]));
      if (payFailed(i)) {
        continue;
      }
      if (upper <= CHECKOUT_APDEX_MILLIS) {
        satisfied++;
      } else if (upper <= 4 * CHECKOUT_APDEX_MILLIS) {
        tolerating++;
      }
    }
    // Four 2 ms requests satisfied, two 8 ms ones tolerating: (4 + 2 / 2) / 8.
    assertThat(satisfied).isEqualTo(4);
    assertThat(tolerating).isEqualTo(2);
    JsonNode checkout = services.get(0);
    assertThat(checkout.get("apdex").asDouble())
        .isEqualTo((satisfied + tolerating / 2) / PAY_REQUESTS);
    assertThat(checkout.get("apdexThresholdMs").asLong()).isEqualTo(CHECKOUT_APDEX_MILLIS);
    // Search: two 3 ms requests, satisfied under the default T of 500 ms.
    JsonNode search = services.get(1);
    assertThat(search.get("apdex").asDouble()).isEqualTo(1.0);
    assertThat(search.get("apdexThresholdMs").asLong()).isEqualTo(500);
  }

  @Test
  void answersEachServicesSparklineWithOneStepPerMinuteOverTwoMinutes() throws Exception {
    JsonNode body = ok("/api/v1/services?window=2m");

    // At most 30 steps of 1, 2, 5 ... minutes (docs/dashboard.md): 2 minutes take 1-minute steps.
    assertThat(body.get("sparklineStepSeconds").asLong()).isEqualTo(60);
    JsonNode services = body.get("services");
    for (JsonNode row : new JsonNode[] {services.get(0), services.get(1)}) {
      String service = row.get("service").asString();
      JsonNode steps = row.get("sparkline");
      assertThat(steps.size()).isEqualTo(2);
      assertStep(steps.get(0), service, M1, M2);
      assertStep(steps.get(1), service, M2, NOW);
    }
    // What the arithmetic gives, spelled out: checkout 4 then 4 requests (2 failed), search 0 then
    // 2; every seeded request is in one step.
    JsonNode checkout = services.get(0).get("sparkline");
    assertThat(checkout.get(0).get("requests").asDouble()).isEqualTo(4);
    assertThat(checkout.get(1).get("errorRatio").asDouble()).isEqualTo(0.5);
    JsonNode search = services.get(1).get("sparkline");
    assertThat(search.get(0).get("requests").asDouble()).isEqualTo(0);
    assertThat(search.get(1).get("requestsPerSecond").asDouble()).isEqualTo(2 / 60.0);
  }

  @Test
  void fillsEveryStepOfAnHourWithTwoMinuteStepsAlignedToTheClock() throws Exception {
    JsonNode body = ok("/api/v1/services?window=1h");

    assertThat(body.get("sparklineStepSeconds").asLong()).isEqualTo(120);
    Instant hourAgo = NOW.minus(Duration.ofHours(1));
    for (JsonNode row : body.get("services")) {
      JsonNode steps = row.get("sparkline");
      assertThat(steps.size()).isEqualTo(30);
      for (int k = 0; k < 30; k++) {
        Instant start = hourAgo.plusSeconds(120L * k);
        assertStep(steps.get(k), row.get("service").asString(), start, start.plusSeconds(120));
      }
    }
    // Every request is in the last step, [11:58, 12:00): 8 of checkout's, 2 of them failed.
    JsonNode last = body.get("services").get(0).get("sparkline").get(29);
    assertThat(last.get("requests").asDouble()).isEqualTo(PAY_REQUESTS);
    assertThat(last.get("errors").asDouble()).isEqualTo(PAY_ERRORS);
  }

  @Test
  void clipsTheLastStepToTheEndOfTheWindowAndRatesItOverWhatIsLeft() throws Exception {
    // 31 minutes take 2-minute steps on even minutes: [11:28, 11:30) ... [11:56, 11:58), and the
    // last one clipped to [11:58, 11:59), M1 alone.
    Instant from = Instant.parse("2026-03-01T11:28:00Z");
    JsonNode body = ok("/api/v1/services?from=" + from + "&to=" + M2);

    assertThat(body.get("sparklineStepSeconds").asLong()).isEqualTo(120);
    JsonNode services = body.get("services");
    // Search sent nothing before M2.
    assertThat(services.size()).isEqualTo(1);
    JsonNode steps = services.get(0).get("sparkline");
    assertThat(steps.size()).isEqualTo(16);
    for (int k = 0; k < 15; k++) {
      Instant start = from.plusSeconds(120L * k);
      assertStep(steps.get(k), "checkout", start, start.plusSeconds(120));
    }
    assertStep(steps.get(15), "checkout", M1, M2);
    assertThat(steps.get(15).get("requestsPerSecond").asDouble()).isEqualTo(4 / 60.0);
  }

  @Test
  void takesFromAndToAsIsoInstantsOrEpochMillis() throws Exception {
    JsonNode iso = ok("/api/v1/services?from=" + M2 + "&to=" + NOW);
    JsonNode millis =
        ok("/api/v1/services?from=" + M2.toEpochMilli() + "&to=" + NOW.toEpochMilli());

    for (JsonNode body : new JsonNode[] {iso, millis}) {
      assertThat(body.get("from").asString()).isEqualTo(M2.toString());
      JsonNode checkout = body.get("services").get(0);
      assertThat(checkout.get("service").asString()).isEqualTo("checkout");
      // M2 holds requests 4 to 7: 8, 8, 8 and 40 ms, the last two failed.
      assertThat(checkout.get("requests").asDouble()).isEqualTo(4);
      assertThat(checkout.get("errorRatio").asDouble()).isEqualTo(0.5);
      assertThat(checkout.get("p50Millis").asDouble())
          .isEqualTo(bucketUpperMillis(Duration.ofMillis(8)));
    }
  }

  @Test
  void answersRedPerOperationOfOneService() throws Exception {
    JsonNode body = ok("/api/v1/services/checkout/operations?window=2m");

    assertThat(body.get("service").asString()).isEqualTo("checkout");
    JsonNode operations = body.get("operations");
    assertThat(operations.size()).isEqualTo(2);
    // Kinds in OTLP order (SERVER before CLIENT), then names.
    JsonNode pay = operations.get(0);
    assertThat(pay.get("operation").asString()).isEqualTo("POST /pay");
    assertThat(pay.get("kind").asString()).isEqualTo("SERVER");
    assertThat(pay.get("spans").asDouble()).isEqualTo(PAY_REQUESTS);
    assertThat(pay.get("errorRatio").asDouble()).isEqualTo(0.25);
    assertThat(pay.get("p95Millis").asDouble()).isEqualTo(bucketUpperMillis(Duration.ofMillis(40)));
    JsonNode query = operations.get(1);
    assertThat(query.get("operation").asString()).isEqualTo("SELECT orders");
    assertThat(query.get("kind").asString()).isEqualTo("CLIENT");
    assertThat(query.get("spans").asDouble()).isEqualTo(PAY_REQUESTS);
    assertThat(query.get("spansPerSecond").asDouble()).isEqualTo(PAY_REQUESTS / WINDOW_SECONDS);
    assertThat(query.get("errorRatio").asDouble()).isEqualTo(0);
    assertThat(query.get("p99Millis").asDouble()).isEqualTo(bucketUpperMillis(DB_CALL));
  }

  @Test
  void answersAnUnknownServiceWithNoOperations() throws Exception {
    assertThat(ok("/api/v1/services/nobody/operations?window=2m").get("operations").size())
        .isZero();
  }

  @Test
  void answersTheServiceGraphWithTheDatabaseCheckoutCalls() throws Exception {
    JsonNode body = ok("/api/v1/service-graph?window=2m");

    JsonNode nodes = body.get("nodes");
    assertThat(nodes.size()).isEqualTo(3);
    assertNode(nodes.get(0), "checkout", "SERVICE");
    assertNode(nodes.get(1), "postgresql:orders", "DATABASE");
    assertNode(nodes.get(2), "search", "SERVICE");
    JsonNode edges = body.get("edges");
    assertThat(edges.size()).isEqualTo(1);
    JsonNode edge = edges.get(0);
    assertThat(edge.get("client").asString()).isEqualTo("checkout");
    assertThat(edge.get("peer").asString()).isEqualTo("postgresql:orders");
    assertThat(edge.get("type").asString()).isEqualTo("DATABASE");
    assertThat(edge.get("calls").asDouble()).isEqualTo(PAY_REQUESTS);
    assertThat(edge.get("callsPerSecond").asDouble()).isEqualTo(PAY_REQUESTS / WINDOW_SECONDS);
    assertThat(edge.get("errorRatio").asDouble()).isEqualTo(0);
    assertThat(edge.get("p99Millis").asDouble()).isEqualTo(bucketUpperMillis(DB_CALL));
  }

  @Test
  void refusesTimeParametersItCannotUse() throws Exception {
    assertThat(error("/api/v1/services?from=yesterday", 400))
        .isEqualTo(
            "parameter 'from' must be an ISO-8601 instant like 2026-11-30T10:00:00Z or"
                + " milliseconds since the epoch, was 'yesterday'");
    assertThat(error("/api/v1/services?window=2weeks", 400))
        .isEqualTo(
            "parameter 'window' must be a positive number with a unit s, m, h or d, like 15m or"
                + " 7d, was '2weeks'");
    assertThat(error("/api/v1/services?window=1h&from=" + M1, 400))
        .isEqualTo("give either 'window' or 'from'/'to', not both (window=1h)");
    assertThat(error("/api/v1/service-graph?from=" + NOW + "&to=" + M1, 400))
        .isEqualTo(
            "parameter 'from' (2026-03-01T12:00:00Z) must be before 'to' (2026-03-01T11:58:00Z)");
  }

  private static void assertRed(
      JsonNode red,
      String service,
      double requests,
      double perSecond,
      double errorRatio,
      double p50,
      double p95,
      double p99) {
    assertThat(red.get("service").asString()).isEqualTo(service);
    assertThat(red.get("requests").asDouble()).isEqualTo(requests);
    assertThat(red.get("requestsPerSecond").asDouble()).isEqualTo(perSecond);
    assertThat(red.get("errorRatio").asDouble()).isEqualTo(errorRatio);
    assertThat(red.get("p50Millis").asDouble()).isEqualTo(p50);
    assertThat(red.get("p95Millis").asDouble()).isEqualTo(p95);
    assertThat(red.get("p99Millis").asDouble()).isEqualTo(p99);
  }

  /**
   * One sparkline step of {@code service} over [start, end): the seeded requests that started in
   * it, the failed ones among them, the rate over the step's own length and the error ratio (0
   * without requests).
   */
  private static void assertStep(JsonNode step, String service, Instant start, Instant end) {
    double requests = 0;
    double errors = 0;
    if (service.equals("checkout")) {
      for (int i = 0; i < PAY_REQUESTS; i++) {
        if (within(payStart(i), start, end)) {
          requests++;
          errors += payFailed(i) ? 1 : 0;
        }
      }
    } else {
      for (int n = 9; n <= 10; n++) {
        requests += within(searchStart(n), start, end) ? 1 : 0;
      }
    }
    assertThat(step.get("start").asString()).isEqualTo(start.toString());
    assertThat(step.get("end").asString()).isEqualTo(end.toString());
    assertThat(step.get("requests").asDouble()).isEqualTo(requests);
    assertThat(step.get("errors").asDouble()).isEqualTo(errors);
    assertThat(step.get("requestsPerSecond").asDouble())
        .isEqualTo(requests / Duration.between(start, end).toSeconds());
    assertThat(step.get("errorRatio").asDouble()).isEqualTo(requests > 0 ? errors / requests : 0);
  }

  private static boolean within(Instant time, Instant start, Instant end) {
    return !time.isBefore(start) && time.isBefore(end);
  }

  private static void assertNode(JsonNode node, String name, String type) {
    assertThat(node.get("name").asString()).isEqualTo(name);
    assertThat(node.get("type").asString()).isEqualTo(type);
  }
}
