package dev.meerkat.dashboard.api;

import static dev.meerkat.dashboard.api.SeededTelemetry.CHECKOUT_A;
import static dev.meerkat.dashboard.api.SeededTelemetry.CHECKOUT_B;
import static dev.meerkat.dashboard.api.SeededTelemetry.CHECKOUT_C;
import static dev.meerkat.dashboard.api.SeededTelemetry.DB_CALL;
import static dev.meerkat.dashboard.api.SeededTelemetry.M1;
import static dev.meerkat.dashboard.api.SeededTelemetry.M2;
import static dev.meerkat.dashboard.api.SeededTelemetry.NOW;
import static dev.meerkat.dashboard.api.SeededTelemetry.PAY_MILLIS;
import static dev.meerkat.dashboard.api.SeededTelemetry.PAY_REQUESTS;
import static dev.meerkat.dashboard.api.SeededTelemetry.bucketUpperMillis;
import static dev.meerkat.dashboard.api.SeededTelemetry.payFailed;
import static dev.meerkat.dashboard.api.SeededTelemetry.payStart;
import static dev.meerkat.dashboard.api.SeededTelemetry.serverSpanId;
import static dev.meerkat.dashboard.api.SeededTelemetry.traceId;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The service page's data over HTTP against {@link SeededTelemetry}'s spans. */
class ServicePageApiIT extends ApiTestBase {

  @Test
  void answersTheServiceSummaryAndItsInstances() throws Exception {
    JsonNode body = ok("/api/v1/services/checkout?window=2m");

    assertThat(body.get("service").asString()).isEqualTo("checkout");
    assertThat(body.get("from").asString()).isEqualTo(M1.toString());
    assertThat(body.get("to").asString()).isEqualTo(NOW.toString());
    assertThat(body.get("red").get("requests").asDouble()).isEqualTo(PAY_REQUESTS);
    assertThat(body.get("red").get("errorRatio").asDouble()).isEqualTo(0.25);
    // The row of GET /api/v1/services, Apdex included: with checkout's T of 5 ms (ApiTestBase) the
    // four 2 ms requests are satisfied, the two successful 8 ms ones tolerating (up to 4T) and the
    // two failed ones frustrated.
    assertThat(body.get("red").get("apdex").asDouble()).isEqualTo((4 + 2 / 2.0) / 8);
    assertThat(body.get("red").get("apdexThresholdMs").asLong()).isEqualTo(CHECKOUT_APDEX_MILLIS);
    assertThat(ok("/api/v1/services/nobody?window=2m").get("red").isNull()).isTrue();
  }

  @Test
  void listsInstancesFromSpansAndFromMetricPoints() throws Exception {
    JsonNode instances = ok("/api/v1/services/checkout?window=2m").get("instances");

    assertThat(each(instances, "instance")).containsExactly(CHECKOUT_A, CHECKOUT_B, CHECKOUT_C);
    // A: the requests of M1 (0-3, none failed) with their client spans, and metric points from
    // M1+10s (heap) to M2+15s (the last GC point); its first span started at M1 itself.
    assertInstance(instances.get(0), CHECKOUT_A, 4, 0, 8, M1, M2.plusSeconds(15), true);
    // B: spans only, requests 4-7 of M2 (4 to 7 s into it; the last two failed), no JVM page.
    assertInstance(instances.get(1), CHECKOUT_B, 4, 2, 8, payStart(4), payStart(7), false);
    // C: one metric point at M2+30s and no spans.
    assertInstance(
        instances.get(2), CHECKOUT_C, 0, 0, 0, M2.plusSeconds(30), M2.plusSeconds(30), true);
    // The instances' requests add up to the service's: they count the same minutes.
    double requests = 0;
    for (JsonNode instance : instances) {
      requests += instance.get("requests").asDouble();
    }
    assertThat(requests).isEqualTo(PAY_REQUESTS);
    // In M2 only: A sent metric points (M2+10s, M2+15s) but no spans.
    JsonNode m2 = ok("/api/v1/services/checkout?from=" + M2 + "&to=" + NOW).get("instances");
    assertThat(each(m2, "instance")).containsExactly(CHECKOUT_A, CHECKOUT_B, CHECKOUT_C);
    assertInstance(m2.get(0), CHECKOUT_A, 0, 0, 0, M2.plusSeconds(10), M2.plusSeconds(15), true);
    // search's spans and points carry no service.instance.id: one instance with the empty name.
    JsonNode search = ok("/api/v1/services/search?window=2m").get("instances");
    assertThat(search.size()).isEqualTo(1);
    assertInstance(search.get(0), "", 2, 0, 2, M2, M2.plusSeconds(30), true);
  }

  private static void assertInstance(
      JsonNode instance,
      String name,
      double requests,
      double errors,
      double spans,
      Instant firstSeen,
      Instant lastSeen,
      boolean jvmMetrics) {
    assertThat(instance.propertyNames())
        .containsExactly(
            "instance", "requests", "errors", "spans", "firstSeen", "lastSeen", "jvmMetrics");
    assertThat(instance.get("instance").asString()).isEqualTo(name);
    assertThat(instance.get("requests").asDouble()).isEqualTo(requests);
    assertThat(instance.get("errors").asDouble()).isEqualTo(errors);
    assertThat(instance.get("spans").asDouble()).isEqualTo(spans);
    assertThat(instance.get("firstSeen").asString()).isEqualTo(firstSeen.toString());
    assertThat(instance.get("lastSeen").asString()).isEqualTo(lastSeen.toString());
    assertThat(instance.get("jvmMetrics").asBoolean()).isEqualTo(jvmMetrics);
  }

  @Test
  void answersOneStepPerMinuteWithRequests() throws Exception {
    JsonNode body = ok("/api/v1/services/checkout/series?window=2m");

    assertThat(body.get("stepSeconds").asLong()).isEqualTo(60);
    JsonNode steps = body.get("steps");
    assertThat(steps.size()).isEqualTo(2);
    // M1: requests 0-3, 2 ms each, none failed.
    assertStep(steps.get(0), M1.toString(), 4, 0, 2, 2, 2);
    // M2: requests 4-7 of 8, 8, 8 and 40 ms, the last two failed. p50 is rank 2 (8 ms), p95 and
    // p99 (ranks 3.8 and 3.96) the 40 ms one.
    assertStep(steps.get(1), M2.toString(), 4, 0.5, 8, 40, 40);
  }

  @Test
  void answersTheSlowestRequestsLongestFirst() throws Exception {
    JsonNode traces = ok("/api/v1/services/checkout/slowest-traces?window=2m").get("traces");

    List<Integer> byDuration =
        IntStream.range(0, PAY_REQUESTS)
            .boxed()
            .sorted(
                Comparator.<Integer>comparingLong(i -> -PAY_MILLIS[i])
                    .thenComparing(i -> traceId(i + 1)))
            .toList();
    assertThat(each(traces, "traceId"))
        .containsExactlyElementsOf(byDuration.stream().map(i -> traceId(i + 1)).toList());
    JsonNode slowest = traces.get(0);
    int i = byDuration.getFirst();
    assertThat(slowest.get("spanId").asString()).isEqualTo(serverSpanId(i + 1));
    assertThat(slowest.get("operation").asString()).isEqualTo("POST /pay");
    assertThat(slowest.get("kind").asString()).isEqualTo("SERVER");
    assertThat(slowest.get("start").asString()).isEqualTo(payStart(i).toString());
    assertThat(slowest.get("durationMillis").asDouble()).isEqualTo(PAY_MILLIS[i]);
    assertThat(slowest.get("status").asString()).isEqualTo(payFailed(i) ? "ERROR" : "OK");
  }

  @Test
  void answersTopErrorsWithTheirMessageAndExampleTraces() throws Exception {
    JsonNode errors = ok("/api/v1/services/checkout/errors?window=2m").get("errors");

    // Requests 6 and 7 (traces 7 and 8) failed with status message "card declined" and no
    // exception event or error.type attribute.
    assertThat(errors.size()).isEqualTo(1);
    JsonNode declined = errors.get(0);
    assertThat(declined.get("type").asString()).isEmpty();
    assertThat(declined.get("message").asString()).isEqualTo("card declined");
    assertThat(declined.get("requests").asDouble()).isEqualTo(2);
    List<String> examples = new ArrayList<>();
    declined.get("exampleTraceIds").forEach(id -> examples.add(id.asString()));
    assertThat(examples).containsExactly(traceId(7), traceId(8));
  }

  @Test
  void operationsCarryTheirShareOfTime() throws Exception {
    JsonNode operations = ok("/api/v1/services/checkout/operations?window=2m").get("operations");

    double pay = 0;
    for (long millis : PAY_MILLIS) {
      pay += millis;
    }
    double query = PAY_REQUESTS * DB_CALL.toMillis();
    assertThat(each(operations, "operation")).containsExactly("POST /pay", "SELECT orders");
    assertThat(operations.get(0).get("totalMillis").asDouble()).isEqualTo(pay);
    assertThat(operations.get(0).get("shareOfTime").asDouble()).isEqualTo(pay / (pay + query));
    assertThat(operations.get(1).get("totalMillis").asDouble()).isEqualTo(query);
    assertThat(operations.get(1).get("shareOfTime").asDouble()).isEqualTo(query / (pay + query));
  }

  @Test
  void answersTheLastEightIsoWeeksNewestFirst() throws Exception {
    JsonNode weeks = ok("/api/v1/services/checkout/weekly").get("weeks");

    // NOW is Sunday 2026-03-01: its ISO week 2026-W09 started on Monday 02-23; no SLOs here.
    assertThat(each(weeks, "week"))
        .containsExactly(
            "2026-W09",
            "2026-W08",
            "2026-W07",
            "2026-W06",
            "2026-W05",
            "2026-W04",
            "2026-W03",
            "2026-W02");
    JsonNode current = weeks.get(0);
    assertThat(current.get("start").asString()).isEqualTo("2026-02-23T00:00:00Z");
    assertThat(current.get("requests").asDouble()).isEqualTo(PAY_REQUESTS);
    assertThat(current.get("errorRatio").asDouble()).isEqualTo(0.25);
    assertThat(current.get("p95Millis").asDouble())
        .isEqualTo(bucketUpperMillis(Duration.ofMillis(40)));
    assertThat(current.get("p99Millis").asDouble())
        .isEqualTo(bucketUpperMillis(Duration.ofMillis(40)));
    assertThat(current.get("violatedSlos").size()).isZero();
    JsonNode before = weeks.get(1);
    assertThat(before.get("start").asString()).isEqualTo("2026-02-16T00:00:00Z");
    assertThat(before.get("requests").asDouble()).isZero();
    assertThat(before.get("p95Millis").isNull()).isTrue();
  }

  private static void assertStep(
      JsonNode step,
      String start,
      double requests,
      double errorRatio,
      long p50Millis,
      long p95Millis,
      long p99Millis) {
    assertThat(step.get("start").asString()).isEqualTo(start);
    assertThat(step.get("requests").asDouble()).isEqualTo(requests);
    assertThat(step.get("requestsPerSecond").asDouble()).isEqualTo(requests / 60);
    assertThat(step.get("errorRatio").asDouble()).isEqualTo(errorRatio);
    assertThat(step.get("p50Millis").asDouble())
        .isEqualTo(bucketUpperMillis(Duration.ofMillis(p50Millis)));
    assertThat(step.get("p95Millis").asDouble())
        .isEqualTo(bucketUpperMillis(Duration.ofMillis(p95Millis)));
    assertThat(step.get("p99Millis").asDouble())
        .isEqualTo(bucketUpperMillis(Duration.ofMillis(p99Millis)));
  }
}
