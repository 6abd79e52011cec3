package dev.meerkat.store.clickhouse.query;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meerkat.store.clickhouse.ClickHouseStore;
import dev.meerkat.store.clickhouse.testing.ClickHouseFixture;
import dev.meerkat.store.query.RequestCell;
import dev.meerkat.store.query.ServiceRange;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ClickHouseRequestCellRepositoryIT {

  private static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");

  private static ClickHouseStore store;

  @BeforeAll
  static void seed() {
    store = ClickHouseFixture.shared().newDatabase();
    TestSpans spans = TestSpans.create();
    // POST /pay: 3 spans at 1 ms (bucket floor(4 log2 1000) = 39), sampled 1 in 4: 12 requests;
    // 1 failed span at 300 ms (bucket floor(4 log2 300000) = 72), sampled 1 in 2: 2 requests.
    for (int i = 0; i < 3; i++) {
      spans.add(span("POST /pay", "SERVER", T0.plusSeconds(i), Duration.ofMillis(1), "OK", 4));
    }
    spans.add(span("POST /pay", "SERVER", T0.plusSeconds(65), Duration.ofMillis(300), "ERROR", 2));
    // GET /cart as a consumer: 1 request at 1 ms in minute 2.
    spans.add(span("GET /cart", "CONSUMER", T0.plusSeconds(130), Duration.ofMillis(1), "OK", 1));
    // Not a request the service handles, and a minute outside the range.
    spans.add(span("GET /stock", "CLIENT", T0.plusSeconds(5), Duration.ofMillis(1), "ERROR", 1));
    spans.add(
        span("POST /pay", "SERVER", T0.plus(Duration.ofMinutes(3)), Duration.ofMillis(1), "OK", 1));
    // GET /day, 1 ms each, weights 1, 2, 4, 8 inside the range of readsWholeDaysAndHours (its
    // first minutes, a whole day, a whole hour, its last minutes) and 16, 32 outside it; the
    // first, on Feb 26 at 08:00, makes the daily rollup cover Feb 27 on and the hourly one 09:00.
    spans.add(span("GET /day", "SERVER", day(26, "08:00:00"), Duration.ofMillis(1), "OK", 16));
    spans.add(span("GET /day", "SERVER", day(26, "23:57:00"), Duration.ofMillis(1), "OK", 32));
    spans.add(span("GET /day", "SERVER", day(26, "23:59:30"), Duration.ofMillis(1), "OK", 1));
    spans.add(span("GET /day", "SERVER", day(27, "05:00:30"), Duration.ofMillis(1), "OK", 2));
    spans.add(span("GET /day", "SERVER", day(28, "03:10:00"), Duration.ofMillis(1), "OK", 4));
    spans.add(span("GET /day", "SERVER", day(28, "04:05:00"), Duration.ofMillis(1), "OK", 8));
    spans.add(span("GET /day", "SERVER", day(28, "04:25:00"), Duration.ofMillis(1), "OK", 32));
    spans.insertInto(store);
  }

  private static Instant day(int dayOfFebruary, String time) {
    return Instant.parse("2026-02-" + dayOfFebruary + "T" + time + "Z");
  }

  @AfterAll
  static void close() {
    store.close();
  }

  @Test
  void sumsWeightedRequestsPerOperationErrorFlagAndBucket() {
    List<RequestCell> cells =
        new ClickHouseRequestCellRepository(store)
            .requestCells("checkout", T0, T0.plus(Duration.ofMinutes(3)));

    assertThat(cells)
        .containsExactly(
            new RequestCell("GET /cart", false, 39, 1.0),
            new RequestCell("POST /pay", false, 39, 12.0),
            new RequestCell("POST /pay", true, 72, 2.0));
  }

  @Test
  void readsWholeDaysAndHoursFromTheCoarserRollupsWithTheSameSums() {
    List<RequestCell> cells =
        new ClickHouseRequestCellRepository(store)
            .requestCells("checkout", day(26, "23:58:00"), day(28, "04:20:00"));

    // Minutes 23:58-00:00 (weight 1), Feb 27 from the daily rollup (2), 00:00-04:00 of Feb 28
    // from the hourly one (4), 04:00-04:20 from the per-minute one (8).
    assertThat(cells).containsExactly(new RequestCell("GET /day", false, 39, 1.0 + 2 + 4 + 8));
  }

  @Test
  void readsSeveralRangesOfServicesAtOnceEachSummedOnItsOwnInTheGivenOrder() {
    List<List<RequestCell>> cells =
        new ClickHouseRequestCellRepository(store)
            .requestCells(
                List.of(
                    // Overlapping ranges, as an SLO's burn windows: a row counts in each.
                    new ServiceRange("checkout", day(26, "23:58:00"), day(28, "04:20:00")),
                    new ServiceRange("checkout", T0, T0.plus(Duration.ofMinutes(1))),
                    new ServiceRange("checkout", T0.minus(Duration.ofHours(1)), T0),
                    new ServiceRange("checkout", T0, T0.plus(Duration.ofMinutes(3))),
                    new ServiceRange("checkout", day(28, "00:00:00"), day(28, "04:20:00")),
                    // Another SLO's service: no traffic, although checkout had some then.
                    new ServiceRange("payments", T0, T0.plus(Duration.ofMinutes(3)))));

    assertThat(cells)
        .containsExactly(
            List.of(new RequestCell("GET /day", false, 39, 1.0 + 2 + 4 + 8)),
            // Minute 0 of POST /pay: the three 1 ms spans sampled 1 in 4.
            List.of(new RequestCell("POST /pay", false, 39, 12.0)),
            List.of(),
            List.of(
                new RequestCell("GET /cart", false, 39, 1.0),
                new RequestCell("POST /pay", false, 39, 12.0),
                new RequestCell("POST /pay", true, 72, 2.0)),
            // 03:10 (weight 4) from the hourly rollup and 04:05 (8) from the per-minute one.
            List.of(new RequestCell("GET /day", false, 39, 4.0 + 8)),
            List.of());
  }

  @Test
  void hasNoCellsWithoutTraffic() {
    assertThat(
            new ClickHouseRequestCellRepository(store)
                .requestCells("checkout", T0.minus(Duration.ofHours(1)), T0))
        .isEmpty();
  }

  private static TestSpans.Span span(
      String name, String kind, Instant start, Duration duration, String status, double weight) {
    return new TestSpans.Span(
        "t-" + name + start,
        "s-" + name + start + kind,
        "",
        "checkout",
        name,
        kind,
        start,
        duration,
        status,
        weight,
        List.of());
  }
}
