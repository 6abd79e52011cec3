package dev.meerkat.store.clickhouse.query;

import dev.meerkat.store.clickhouse.ClickHouseConfig;
import dev.meerkat.store.clickhouse.ClickHouseStore;
import dev.meerkat.store.clickhouse.SchemaMigrator;
import dev.meerkat.store.query.ServiceMetricsRepository;
import dev.meerkat.store.query.TraceQuery;
import dev.meerkat.store.query.TraceRepository;
import dev.meerkat.store.query.graph.ServiceGraphRepository;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Supplier;

/**
 * Times the read repositories against a real ClickHouse holding synthetic spans, client-side,
 * through the same code the dashboard calls. Not a test: run by hand (see docs/collector.md,
 * "Storage model and read API").
 *
 * <pre>
 * java -cp ... dev.meerkat.store.clickhouse.query.ReadLatencyProbe URL DATABASE [SPANS SPREAD_S]
 * </pre>
 *
 * With SPANS, first migrates DATABASE and inserts SPANS spans (traces of 10 spans over 20 services,
 * spread over SPREAD_S seconds from 2026-11-28T00:00Z) with INSERT ... SELECT from numbers(), in
 * chunks of one million.
 */
public final class ReadLatencyProbe {

  static final long BASE = 1_795_824_000L;
  private static final int RUNS = 200;

  private ReadLatencyProbe() {}

  public static void main(String[] args) {
    ClickHouseConfig config = ClickHouseConfig.create(args[0]).withDatabase(args[1]);
    try (ClickHouseStore store = ClickHouseStore.connect(config)) {
      if (args.length > 2) {
        seed(store, Long.parseLong(args[2]), Long.parseLong(args[3]));
      }
      long spread =
          store
              .query("SELECT toUInt32(max(start_time)) - toUInt32(min(start_time)) AS s FROM spans")
              .getFirst()
              .longValue("s");
      Instant end = Instant.ofEpochSecond(BASE + spread + 1);
      List<String> ids =
          store
              .query(
                  "SELECT DISTINCT trace_id FROM trace_index WHERE cityHash64(trace_id) % 4000 = 7"
                      + " LIMIT "
                      + RUNS)
              .stream()
              .map(row -> row.string("trace_id"))
              .toList();
      TraceRepository traces = new ClickHouseTraceRepository(store);
      ServiceMetricsRepository red = new ClickHouseServiceMetricsRepository(store);
      ServiceGraphRepository graph = new ClickHouseServiceGraphRepository(store);
      int[] next = {0};
      time("trace by id", () -> traces.trace(ids.get(next[0]++ % ids.size())).orElseThrow());
      for (Duration window :
          List.of(
              Duration.ofHours(1), Duration.ofHours(24), Duration.ofDays(7), Duration.ofDays(30))) {
        // Unaligned ends (hh:mm:17), as a dashboard's "now" is.
        Instant to = end.minusSeconds(17);
        Instant from = to.minus(window);
        time("services " + window, () -> red.services(from, to));
        time("operations " + window, () -> red.operations("svc-3", from, to));
        time("red series " + window, () -> red.redSeries("svc-3", from, to, step(window)));
        time("service graph " + window, () -> graph.graph(from, to));
      }
      Instant to = end.minusSeconds(17);
      time(
          "search svc 1h",
          () -> traces.search(TraceQuery.between(to.minusSeconds(3600), to).withService("svc-3")));
      time(
          "search attr 1h",
          () ->
              traces.search(
                  TraceQuery.between(to.minusSeconds(3600), to).withAttribute("user.id", "u-7")));
    }
  }

  private static Duration step(Duration window) {
    return window.compareTo(Duration.ofHours(1)) <= 0 ? Duration.ofMinutes(1) : Duration.ofHours(1);
  }

  private static void time(String name, Supplier<?> query) {
    for (int i = 0; i < 10; i++) {
      query.get();
    }
    List<Double> millis = new ArrayList<>(RUNS);
    for (int i = 0; i < RUNS; i++) {
      long start = System.nanoTime();
      query.get();
      millis.add((System.nanoTime() - start) / 1e6);
    }
    Collections.sort(millis);
    System.out.printf(
        "%-28s n=%d p50=%.1f ms p90=%.1f ms p99=%.1f ms max=%.1f ms%n",
        name,
        RUNS,
        millis.get(RUNS / 2),
        millis.get(RUNS * 9 / 10),
        millis.get(RUNS * 99 / 100 - 1),
        millis.getLast());
  }

  private static void seed(ClickHouseStore store, long spans, long spreadSeconds) {
    SchemaMigrator.create(store).migrate();
    for (long chunk = 0; chunk * 1_000_000 < spans; chunk++) {
      long rows = Math.min(1_000_000, spans - chunk * 1_000_000);
      store.execute(
          "INSERT INTO spans (start_time, start_time_unix_nano, duration_nanos, trace_id, span_id,"
              + " parent_span_id, service_name, span_name, span_kind, status_code, sample_rate,"
              + " attribute_keys, attribute_values, resource_keys, resource_values)"
              + " SELECT toDateTime("
              + BASE
              + " + intDiv(t * "
              + spreadSeconds
              + ", "
              + spans / 10
              + ") + intDiv(i, 4)) AS st,"
              + " toUInt64(toUInt32(st)) * 1000000000 + i * 1000000,"
              + " toUInt64(1000000 + (cityHash64(n) % 200000000)),"
              + " concat(lower(hex(cityHash64(t))), lower(hex(cityHash64(t, 1)))),"
              + " lower(hex(cityHash64(n))), if(i = 0, '', lower(hex(cityHash64(n - 1)))),"
              + " concat('svc-', toString((t + intDiv(i, 3)) % 20)),"
              + " concat('op-', toString((t + i) % 10)),"
              + " if(i = 0, 'SERVER', if(i % 3 = 1, 'CLIENT', if(i % 3 = 2, 'SERVER', 'INTERNAL'))),"
              + " if(cityHash64(n, 2) % 50 = 0, 'ERROR', 'UNSET'), 1.0,"
              + " ['http.route', 'http.request.method', 'user.id', 'peer.service', 'region'],"
              + " [concat('/r/', toString(i)), 'GET', concat('u-', toString(t % 1000)),"
              + " concat('svc-', toString((t + intDiv(i, 3) + 1) % 20)), 'eu'],"
              + " ['service.name', 'host.name'],"
              + " [concat('svc-', toString((t + intDiv(i, 3)) % 20)), 'host-1']"
              + " FROM (SELECT number + "
              + chunk * 1_000_000
              + " AS n, intDiv(n, 10) AS t, n % 10 AS i FROM numbers("
              + rows
              + "))");
    }
  }
}
