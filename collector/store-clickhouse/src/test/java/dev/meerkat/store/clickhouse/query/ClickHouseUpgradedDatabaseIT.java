package dev.meerkat.store.clickhouse.query;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meerkat.store.clickhouse.ClickHouseStore;
import dev.meerkat.store.clickhouse.testing.ClickHouseFixture;
import dev.meerkat.store.query.RedPoint;
import dev.meerkat.store.query.RequestCounts;
import dev.meerkat.store.query.SpanDetail;
import dev.meerkat.store.query.TraceOverview;
import dev.meerkat.store.query.TraceQuery;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A database that held spans before V0018-V0027: the old spans are in spans, trace_index and
 * span_red_1m only. Reads must still see them, and count each span once.
 */
class ClickHouseUpgradedDatabaseIT {

  private static final Instant T10 = Instant.parse("2026-03-01T10:00:00Z");
  private static final Duration MS = Duration.ofMillis(1);

  private static ClickHouseStore store;

  @BeforeAll
  static void seed() {
    store = ClickHouseFixture.shared().newDatabase();
    // span_red_1d goes with its view: before V0023 neither existed.
    List<String> views =
        List.of(
            "spans_by_trace_mv",
            "span_red_1h_mv",
            "span_red_1d_mv",
            "span_red_1d",
            "spans_by_time_mv");
    views.forEach(view -> store.execute("DROP TABLE " + view));
    // Before the upgrade: 10:00-12:00, 20 requests per hour.
    TestSpans before = TestSpans.create();
    for (int hour = 0; hour < 2; hour++) {
      before.add(20, "api", "SERVER", T10.plus(Duration.ofHours(hour)).plusSeconds(600), MS, false);
    }
    before.add(span("old", "old-root", "", T10.plusSeconds(5)));
    before.add(span("old", "old-child", "old-root", T10.plusSeconds(6)));
    before.insertInto(store);
    // The upgrade re-creates the views (the migrations with the view statements).
    store.execute(migration("V0019__spans_by_trace_mv.sql"));
    store.execute(migration("V0021__span_red_1h_mv.sql"));
    apply(store, "V0023__span_red_1d.sql");
    apply(store, "V0027__spans_by_time.sql");
    // After: 12:00-14:00, 30 requests per hour.
    TestSpans after = TestSpans.create();
    for (int hour = 2; hour < 4; hour++) {
      after.add(30, "api", "SERVER", T10.plus(Duration.ofHours(hour)).plusSeconds(600), MS, false);
    }
    after.insertInto(store);
  }

  @AfterAll
  static void close() {
    store.close();
  }

  @Test
  void hoursBeforeTheHourlyRollupAreReadFromMinutes() {
    ClickHouseServiceMetricsRepository red = new ClickHouseServiceMetricsRepository(store);
    Instant to = T10.plus(Duration.ofHours(4));

    assertThat(red.requestCounts("api", T10, to)).isEqualTo(new RequestCounts(100, 0));
    assertThat(red.requestCounts("api", T10.minus(Duration.ofDays(2)), to.plus(Duration.ofDays(2))))
        .isEqualTo(new RequestCounts(100, 0));
    assertThat(red.redSeries("api", T10, to, Duration.ofHours(1)))
        .extracting(RedPoint::requests)
        .containsExactly(20.0, 20.0, 30.0, 30.0);
  }

  @Test
  void tracesStoredBeforeSpansByTraceAreReadFromSpans() {
    ClickHouseTraceRepository traces = new ClickHouseTraceRepository(store);

    assertThat(traces.trace("old").orElseThrow())
        .extracting(SpanDetail::spanId)
        .containsExactly("old-root", "old-child");
    assertThat(
            traces
                .search(TraceQuery.between(T10, T10.plusSeconds(60)).withService("legacy"))
                .traces())
        .containsExactly(
            new TraceOverview(
                "old", "legacy", "GET /", T10.plusSeconds(5), 1_010_000_000L, 2, false));
    // Over all services: spans_by_time does not cover 10:00, so spans is searched.
    assertThat(traces.search(TraceQuery.between(T10, T10.plusSeconds(60))).traces())
        .extracting(TraceOverview::traceId)
        .containsExactly("old");
  }

  /** Runs each statement of the shipped migration {@code file}, as an upgrade does. */
  static void apply(ClickHouseStore store, String file) {
    for (String statement : migration(file).split(";")) {
      if (!statement.strip().isEmpty()) {
        store.execute(statement);
      }
    }
  }

  private static String migration(String file) {
    try (InputStream in =
        ClickHouseUpgradedDatabaseIT.class
            .getClassLoader()
            .getResourceAsStream("db/migration/" + file)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static TestSpans.Span span(String trace, String id, String parent, Instant start) {
    return new TestSpans.Span(
        trace,
        id,
        parent,
        "legacy",
        "GET /",
        "SERVER",
        start,
        MS.multipliedBy(10),
        "OK",
        1.0,
        List.of());
  }
}
