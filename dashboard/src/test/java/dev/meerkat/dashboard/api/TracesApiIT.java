package dev.meerkat.dashboard.api;

import static dev.meerkat.dashboard.api.SeededTelemetry.DB_CALL;
import static dev.meerkat.dashboard.api.SeededTelemetry.PAY_REQUESTS;
import static dev.meerkat.dashboard.api.SeededTelemetry.clientSpanId;
import static dev.meerkat.dashboard.api.SeededTelemetry.payFailed;
import static dev.meerkat.dashboard.api.SeededTelemetry.payStart;
import static dev.meerkat.dashboard.api.SeededTelemetry.serverSpanId;
import static dev.meerkat.dashboard.api.SeededTelemetry.traceId;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The trace explorer's search and traces by id, over HTTP against seeded spans. */
class TracesApiIT extends ApiTestBase {

  @Test
  void findsTheFailedPaymentsNewestFirst() throws Exception {
    JsonNode body = ok("/api/v1/traces?service=checkout&status=error&window=2m");

    JsonNode traces = body.get("traces");
    assertThat(each(traces, "traceId")).containsExactly(traceId(8), traceId(7));
    JsonNode newest = traces.get(0);
    assertThat(newest.get("rootService").asString()).isEqualTo("checkout");
    assertThat(newest.get("rootOperation").asString()).isEqualTo("POST /pay");
    assertThat(newest.get("start").asString()).isEqualTo(payStart(7).toString());
    assertThat(newest.get("durationMillis").asDouble()).isEqualTo(40.0);
    assertThat(newest.get("spanCount").asLong()).isEqualTo(2);
    assertThat(newest.get("error").asBoolean()).isTrue();
    assertThat(body.get("nextCursor").isNull()).isTrue();
  }

  @Test
  void filtersByAttributeAndDuration() throws Exception {
    // Gold customers are the even requests (0, 2, 4, 6); of those only 4 and 6 took >= 5 ms.
    JsonNode body = ok("/api/v1/traces?attr=customer.tier=gold&minDurationMs=5&window=2m");

    assertThat(each(body.get("traces"), "traceId")).containsExactly(traceId(7), traceId(5));
  }

  @Test
  void filtersByOperationAndMaximumDuration() throws Exception {
    JsonNode body =
        ok("/api/v1/traces?operation=POST%20/pay&maxDurationMs=2.5&status=ok&window=2m");

    assertThat(each(body.get("traces"), "traceId"))
        .containsExactly(traceId(4), traceId(3), traceId(2), traceId(1));
  }

  @Test
  void matchesEachStatusExactly() throws Exception {
    // A trace matches when one of its spans has the status. POST /pay spans are OK or ERROR,
    // their database calls UNSET; search's spans (traces 9 and 10, the newest) are OK.
    List<String> ok = new ArrayList<>(List.of(traceId(10), traceId(9)));
    List<String> error = new ArrayList<>();
    List<String> unset = new ArrayList<>();
    for (int i = PAY_REQUESTS - 1; i >= 0; i--) {
      (payFailed(i) ? error : ok).add(traceId(i + 1));
      unset.add(traceId(i + 1));
    }

    assertThat(each(ok("/api/v1/traces?status=ok&window=2m").get("traces"), "traceId"))
        .isEqualTo(ok);
    assertThat(each(ok("/api/v1/traces?status=error&window=2m").get("traces"), "traceId"))
        .isEqualTo(error);
    assertThat(each(ok("/api/v1/traces?status=unset&window=2m").get("traces"), "traceId"))
        .isEqualTo(unset);
    // ok is exactly OK: the UNSET database calls are not OK.
    assertThat(
            ok("/api/v1/traces?operation=SELECT%20orders&status=ok&window=2m").get("traces").size())
        .isZero();
  }

  @Test
  void pagesThroughTheResultsWithTheCursor() throws Exception {
    List<List<String>> pages = new ArrayList<>();
    String path = "/api/v1/traces?service=checkout&window=2m&limit=3";
    JsonNode body = ok(path);
    pages.add(each(body.get("traces"), "traceId"));
    while (!body.get("nextCursor").isNull()) {
      body = ok(path + "&cursor=" + body.get("nextCursor").asString());
      pages.add(each(body.get("traces"), "traceId"));
    }

    assertThat(pages)
        .containsExactly(
            List.of(traceId(8), traceId(7), traceId(6)),
            List.of(traceId(5), traceId(4), traceId(3)),
            List.of(traceId(2), traceId(1)));
  }

  @Test
  void answersATraceWithItsSpans() throws Exception {
    JsonNode body = ok("/api/v1/traces/" + traceId(7).toUpperCase());

    assertThat(body.get("traceId").asString()).isEqualTo(traceId(7));
    JsonNode spans = body.get("spans");
    assertThat(spans.size()).isEqualTo(2);
    JsonNode server = spans.get(0);
    assertThat(server.get("traceId").asString()).isEqualTo(traceId(7));
    assertThat(server.get("spanId").asString()).isEqualTo(serverSpanId(7));
    assertThat(server.get("parentSpanId").asString()).isEmpty();
    assertThat(server.get("service").asString()).isEqualTo("checkout");
    assertThat(server.get("name").asString()).isEqualTo("POST /pay");
    assertThat(server.get("kind").asString()).isEqualTo("SERVER");
    assertThat(server.get("start").asString()).isEqualTo(payStart(6).toString());
    assertThat(server.get("durationNanos").asLong()).isEqualTo(8_000_000L);
    assertThat(server.get("status").asString()).isEqualTo("ERROR");
    assertThat(server.get("statusMessage").asString()).isEqualTo("card declined");
    assertThat(server.get("attributes").get("http.route").asString()).isEqualTo("/pay");
    assertThat(server.get("attributes").get("customer.tier").asString()).isEqualTo("gold");
    assertThat(server.get("resource").get("service.name").asString()).isEqualTo("checkout");
    JsonNode client = spans.get(1);
    assertThat(client.get("spanId").asString()).isEqualTo(clientSpanId(7));
    assertThat(client.get("parentSpanId").asString()).isEqualTo(serverSpanId(7));
    assertThat(client.get("kind").asString()).isEqualTo("CLIENT");
    assertThat(client.get("status").asString()).isEqualTo("UNSET");
    assertThat(client.get("start").asString()).isEqualTo(payStart(6).plusNanos(100_000).toString());
    assertThat(client.get("durationNanos").asLong()).isEqualTo(DB_CALL.toNanos());
    assertThat(client.get("attributes").get("db.system").asString()).isEqualTo("postgresql");
    // The server (8 ms) waits for its one client call (1 ms, from 0.1 ms): its own time before
    // and after the call, the call in between.
    JsonNode path = body.get("criticalPath");
    assertThat(path.size()).isEqualTo(3);
    assertThat(segment(path.get(0))).isEqualTo(serverSpanId(7) + " 0.0-0.1");
    assertThat(segment(path.get(1))).isEqualTo(clientSpanId(7) + " 0.1-1.1");
    assertThat(segment(path.get(2))).isEqualTo(serverSpanId(7) + " 1.1-8.0");
  }

  private static String segment(JsonNode segment) {
    return segment.get("spanId").asString()
        + " "
        + segment.get("startMillis").asDouble()
        + "-"
        + segment.get("endMillis").asDouble();
  }

  @Test
  void answers404ForAnUnknownTrace() throws Exception {
    assertThat(error("/api/v1/traces/" + traceId(999), 404))
        .isEqualTo("no trace with id 000000000000000000000000000003e7");
  }

  @Test
  void refusesSearchParametersItCannotUse() throws Exception {
    assertThat(error("/api/v1/traces/not-a-trace", 400))
        .isEqualTo("parameter 'traceId' must be 32 hexadecimal characters, was 'not-a-trace'");
    assertThat(error("/api/v1/traces?limit=0", 400))
        .isEqualTo("parameter 'limit' must be a whole number from 1 to 1000, was '0'");
    assertThat(error("/api/v1/traces?status=failed", 400))
        .isEqualTo("parameter 'status' must be one of ok, error, unset, was 'failed'");
    assertThat(error("/api/v1/traces?minDurationMs=-1", 400))
        .isEqualTo(
            "parameter 'minDurationMs' must be a non-negative number of milliseconds, was '-1'");
    assertThat(error("/api/v1/traces?attr=gold", 400))
        .isEqualTo("parameter 'attr' must be key=value with a non-empty key, was 'gold'");
    assertThat(error("/api/v1/traces?servce=checkout", 400))
        .isEqualTo(
            "unknown parameter 'servce'; this endpoint takes attr, cursor, from, limit,"
                + " maxDurationMs, minDurationMs, operation, service, status, to, window");
    assertThat(error("/api/v1/slos?window=1h", 400))
        .isEqualTo("unknown parameter 'window'; this endpoint takes none");
    assertThat(error("/api/v1/traces?cursor=bogus", 400))
        .isEqualTo(
            "parameter 'cursor' must be the nextCursor of the previous page of the same search,"
                + " was 'bogus'");
  }
}
