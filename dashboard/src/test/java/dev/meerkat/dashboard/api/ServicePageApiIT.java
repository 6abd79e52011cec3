package dev.meerkat.dashboard.api;

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
    // The seeded metric points carry no service.instance.id: one instance with the empty id.
    assertThat(body.get("instances").size()).isEqualTo(1);
    assertThat(body.get("instances").get(0).asString()).isEmpty();
    assertThat(ok("/api/v1/services/nobody?window=2m").get("red").isNull()).isTrue();
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
