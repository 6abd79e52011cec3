package dev.meerkat.dashboard.api;

import dev.meerkat.dashboard.testing.LatencyBucketBounds;
import dev.meerkat.dashboard.testing.LogSeeds;
import dev.meerkat.store.clickhouse.ClickHouseStore;
import dev.meerkat.store.clickhouse.write.ClickHouseLogWriter;
import dev.meerkat.store.clickhouse.write.ClickHouseMetricWriter;
import dev.meerkat.store.clickhouse.write.ClickHouseSpanWriter;
import dev.meerkat.store.model.LogRecord;
import dev.meerkat.store.model.MetricPointRecord;
import dev.meerkat.store.model.MetricType;
import dev.meerkat.store.model.SpanKind;
import dev.meerkat.store.model.SpanRecord;
import dev.meerkat.store.model.SpanStatus;
import dev.meerkat.store.model.Temporality;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The telemetry the API tests read, written through the collector's real writers, and the
 * arithmetic of what the API must answer for it.
 *
 * <p>Minute {@link #M1} and {@link #M2} (the two minutes before {@link #NOW}): checkout handles
 * eight {@code POST /pay} requests (durations {@link #PAY_MILLIS}, the last two failed), each
 * querying PostgreSQL database {@code orders} for 1 ms (status UNSET, as instrumentation leaves
 * client spans; the requests are OK or ERROR); search handles two 3 ms requests (OK) in M2.
 *
 * <p>checkout's instances ({@code service.instance.id}): {@link #CHECKOUT_A} sends the requests of
 * M1 and every metric point of checkout but one, {@link #CHECKOUT_B} the requests of M2 and no
 * metrics (spans only), {@link #CHECKOUT_C} one {@code jvm.thread.count} point at M2+30s and no
 * spans (metrics only). search's spans and points have no instance id.
 */
final class SeededTelemetry {

  static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
  static final Instant M1 = NOW.minusSeconds(120);
  static final Instant M2 = NOW.minusSeconds(60);

  /** Durations of the eight POST /pay requests; requests 6 and 7 failed. */
  static final long[] PAY_MILLIS = {2, 2, 2, 2, 8, 8, 8, 40};

  static final int PAY_REQUESTS = PAY_MILLIS.length;
  static final int PAY_ERRORS = 2;
  static final Duration DB_CALL = Duration.ofMillis(1);
  static final Duration SEARCH = Duration.ofMillis(3);

  static final String CHECKOUT_A = "checkout-a";
  static final String CHECKOUT_B = "checkout-b";
  static final String CHECKOUT_C = "checkout-c";

  private static final String INSTANCE = "service.instance.id";

  private SeededTelemetry() {}

  /** Request {@code i} of POST /pay (0 to 7) is trace {@code i + 1}; search's are 9 and 10. */
  static String traceId(int n) {
    return String.format("%032x", n);
  }

  static String serverSpanId(int n) {
    return String.format("%016x", n);
  }

  static String clientSpanId(int n) {
    return String.format("%016x", 100 + n);
  }

  /** Request i of POST /pay: the first four in M1, the rest in M2, i seconds into the minute. */
  static Instant payStart(int i) {
    return (i < 4 ? M1 : M2).plusSeconds(i);
  }

  /** Search's requests, traces 9 and 10: 29 and 30 seconds into M2. */
  static Instant searchStart(int n) {
    return M2.plusSeconds(20 + n);
  }

  /** The instance that handled request i of POST /pay: those of M1 are A's, of M2 B's. */
  static String payInstance(int i) {
    return i < 4 ? CHECKOUT_A : CHECKOUT_B;
  }

  static boolean payFailed(int i) {
    return i >= PAY_REQUESTS - PAY_ERRORS;
  }

  static String tier(int i) {
    return i % 2 == 0 ? "gold" : "free";
  }

  /** Upper bound in ms of the rollup's latency bucket holding {@code duration}. */
  static double bucketUpperMillis(Duration duration) {
    return LatencyBucketBounds.upperMillis(duration);
  }

  static void writeInto(ClickHouseStore store) {
    ClickHouseSpanWriter.create(store).write(spans());
    ClickHouseLogWriter.create(store).write(logs());
    ClickHouseMetricWriter.create(store).write(metricPoints());
  }

  private static List<SpanRecord> spans() {
    List<SpanRecord> spans = new ArrayList<>();
    for (int i = 0; i < PAY_REQUESTS; i++) {
      int n = i + 1;
      Instant start = payStart(i);
      spans.add(
          span(
              n,
              serverSpanId(n),
              "",
              "checkout",
              "POST /pay",
              SpanKind.SERVER,
              start,
              Duration.ofMillis(PAY_MILLIS[i]),
              payFailed(i) ? SpanStatus.ERROR : SpanStatus.OK,
              List.of("http.route", "customer.tier"),
              List.of("/pay", tier(i)),
              payInstance(i)));
      spans.add(
          span(
              n,
              clientSpanId(n),
              serverSpanId(n),
              "checkout",
              "SELECT orders",
              SpanKind.CLIENT,
              start.plusNanos(100_000),
              DB_CALL,
              SpanStatus.UNSET,
              List.of("db.system", "db.namespace"),
              List.of("postgresql", "orders"),
              payInstance(i)));
    }
    for (int n = 9; n <= 10; n++) {
      spans.add(
          span(
              n,
              serverSpanId(n),
              "",
              "search",
              "GET /search",
              SpanKind.SERVER,
              searchStart(n),
              SEARCH,
              SpanStatus.OK,
              List.of(),
              List.of(),
              null));
    }
    return spans;
  }

  private static SpanRecord span(
      int n,
      String spanId,
      String parent,
      String service,
      String name,
      SpanKind kind,
      Instant start,
      Duration duration,
      SpanStatus status,
      List<String> keys,
      List<String> values,
      String instance) {
    return new SpanRecord(
        nanos(start),
        duration.toNanos(),
        traceId(n),
        spanId,
        parent,
        "",
        service,
        name,
        kind,
        status,
        status == SpanStatus.ERROR ? "card declined" : "",
        "",
        "",
        0,
        "",
        1.0,
        keys,
        values,
        instance == null ? List.of("service.name") : List.of("service.name", INSTANCE),
        instance == null ? List.of(service) : List.of(service, instance),
        "seed",
        "1.0");
  }

  /** Error for trace 7 at M1+5s, info at M1+10s (checkout), warn at M2+40s (search). */
  private static List<LogRecord> logs() {
    return List.of(
        log(M1.plusSeconds(5), 17, "ERROR", "payment declined for order 7", 7, "checkout"),
        log(M1.plusSeconds(10), 9, "INFO", "payment accepted", 0, "checkout"),
        log(M2.plusSeconds(40), 13, "WARN", "slow index", 0, "search"));
  }

  private static LogRecord log(
      Instant time, int severity, String severityText, String body, int trace, String service) {
    return LogSeeds.SEED.log(
        time,
        severity,
        severityText,
        body,
        trace == 0 ? "" : traceId(trace),
        trace == 0 ? "" : serverSpanId(trace),
        service);
  }

  /**
   * jvm.memory.used of checkout: heap 100 and 300 in M1, 500 in M2, non-heap 50 in M1; of search:
   * heap 70 in M2.
   */
  private static List<MetricPointRecord> metricPoints() {
    return List.of(
        gauge("checkout", CHECKOUT_A, "jvm.memory.used", "heap", M1.plusSeconds(10), 100),
        gauge("checkout", CHECKOUT_A, "jvm.memory.used", "heap", M1.plusSeconds(40), 300),
        gauge("checkout", CHECKOUT_A, "jvm.memory.used", "heap", M2.plusSeconds(10), 500),
        gauge("checkout", CHECKOUT_A, "jvm.memory.used", "nonheap", M1.plusSeconds(20), 50),
        gauge("checkout", CHECKOUT_C, "jvm.thread.count", "daemon", M2.plusSeconds(30), 9),
        gauge("search", null, "jvm.memory.used", "heap", M2, 70),
        gcPauses(M1.plusSeconds(15), GC_M1_EARLY),
        gcPauses(M1.plusSeconds(45), GC_M1_LATE),
        gcPauses(M2.plusSeconds(15), GC_M2));
  }

  /** Bounds of the seeded {@code jvm.gc.duration} histogram, in seconds. */
  static final List<Double> GC_BOUNDS = List.of(0.01, 0.1);

  /**
   * Cumulative {@code jvm.gc.duration} of checkout: the bucket counts of its three points (one per
   * bucket of {@link #GC_BOUNDS} plus the overflow), at M1+15s, M1+45s and M2+15s.
   */
  static final long[] GC_M1_EARLY = {3, 1, 0};

  static final long[] GC_M1_LATE = {5, 2, 1};
  static final long[] GC_M2 = {6, 4, 1};

  /** The sum of the recorded pauses of a point: 5 ms per count, to keep the arithmetic simple. */
  static double gcSum(long[] counts) {
    return 0.005 * (counts[0] + counts[1] + counts[2]);
  }

  private static MetricPointRecord gcPauses(Instant at, long[] counts) {
    return MetricPointRecord.builder(MetricType.HISTOGRAM, "checkout", "jvm.gc.duration")
        .time(nanos(M1.minusSeconds(600)), nanos(at))
        .description("Duration of JVM garbage collection actions.", "s")
        .aggregation(false, Temporality.CUMULATIVE)
        .attributes(List.of("jvm.gc.name"), List.of("G1 Young Generation"))
        .resource(List.of("service.name", INSTANCE), List.of("checkout", CHECKOUT_A))
        .value(gcSum(counts))
        .count(counts[0] + counts[1] + counts[2])
        .buckets(GC_BOUNDS, List.of(counts[0], counts[1], counts[2]))
        .build();
  }

  private static MetricPointRecord gauge(
      String service, String instance, String metric, String area, Instant at, double value) {
    return MetricPointRecord.builder(MetricType.GAUGE, service, metric)
        .time(nanos(at), nanos(at))
        .description("memory used", "By")
        .attributes(List.of("area"), List.of(area))
        .resource(
            instance == null ? List.of("service.name") : List.of("service.name", INSTANCE),
            instance == null ? List.of(service) : List.of(service, instance))
        .value(value)
        .build();
  }

  private static long nanos(Instant at) {
    return at.getEpochSecond() * 1_000_000_000L + at.getNano();
  }
}
