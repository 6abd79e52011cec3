package dev.meerkat.collector.benchmarks;

import dev.meerkat.collector.receiver.OtlpSpanMapping;
import dev.meerkat.store.clickhouse.ClickHouseConfig;
import dev.meerkat.store.clickhouse.ClickHouseStore;
import dev.meerkat.store.clickhouse.SchemaMigrator;
import dev.meerkat.store.clickhouse.write.ClickHouseLogWriter;
import dev.meerkat.store.clickhouse.write.ClickHouseMetricWriter;
import dev.meerkat.store.clickhouse.write.ClickHouseSpanWriter;
import dev.meerkat.store.model.LogRecord;
import dev.meerkat.store.model.MetricPointBuilder;
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
 * Makes a {@link QueryBenchmark} data set (corpus traces spread over 30 days) fit for the dashboard
 * speed benchmark, through the collector's own writers:
 *
 * <ul>
 *   <li>tops the spans up to {@link #AHEAD} past now with the same corpus at the same rate (trace
 *       {@code n} continues where the stored ones end), so windows ending "now" hold as much data
 *       as any other window of the 30 days;
 *   <li>logs: one line per SERVER span (two per trace) for the last {@link #LOG_SPAN} and every
 *       topped-up trace, with its trace and span id; failing requests log at ERROR;
 *   <li>JVM metrics every minute for the three instances of {@link #JVM_SERVICES} over the last
 *       {@link #METRIC_SPAN}: heap and non-heap pools, GC, threads, CPU, classes, buffers.
 * </ul>
 *
 * Each step continues from what is stored, so a second run only adds the minutes since the last.
 *
 * <p>Usage: {@code DashboardBenchData <clickhouseUrl> <database> <originalSpans>}
 */
public final class DashboardBenchData {

  static final Duration AHEAD = Duration.ofMinutes(30);
  static final Duration LOG_SPAN = Duration.ofDays(3);
  static final Duration METRIC_SPAN = Duration.ofDays(1);
  static final List<String> JVM_SERVICES = List.of("checkout", "frontend");
  private static final Duration RANGE = Duration.ofDays(30);
  private static final long SEED = 6;
  private static final int TRACES_PER_WRITE = 5_000;
  private static final double MIB = 1024 * 1024;

  private DashboardBenchData() {}

  public static void main(String[] args) {
    String url = args[0];
    String database = args[1];
    long originalTraces = Long.parseLong(args[2]) / SpanCorpus.SPANS_PER_TRACE;
    try (ClickHouseStore store =
        ClickHouseStore.connect(ClickHouseConfig.create(url).withDatabase(database))) {
      SchemaMigrator.create(store).migrate();
      long start =
          store.query("SELECT min(start_time_unix_nano) AS s FROM spans").getFirst().longValue("s");
      long interval = RANGE.toNanos() / originalTraces;
      SpanCorpus corpus = SpanCorpus.create(SEED, start, interval);
      Instant until = Instant.now().plus(AHEAD);
      long stored = store.query("SELECT count() AS n FROM spans").getFirst().longValue("n");
      long nextTrace = stored / SpanCorpus.SPANS_PER_TRACE;
      long logs = store.query("SELECT count() AS n FROM logs").getFirst().longValue("n");
      if (logs == 0) {
        long first = Math.max(0, nextTrace - LOG_SPAN.toNanos() / interval);
        System.err.printf("logs for traces %d to %d%n", first, nextTrace);
        for (long n = first; n < nextTrace; n += TRACES_PER_WRITE) {
          ClickHouseLogWriter.create(store)
              .write(logs(spans(corpus, n, (int) Math.min(TRACES_PER_WRITE, nextTrace - n))));
        }
      }
      long lastTrace = (until.getEpochSecond() * 1_000_000_000L - start) / interval;
      System.err.printf("spans and logs for traces %d to %d%n", nextTrace, lastTrace);
      for (long n = nextTrace; n < lastTrace; n += TRACES_PER_WRITE) {
        List<SpanRecord> spans = spans(corpus, n, (int) Math.min(TRACES_PER_WRITE, lastTrace - n));
        ClickHouseSpanWriter.create(store).write(spans);
        ClickHouseLogWriter.create(store).write(logs(spans));
      }
      writeJvmMetrics(store, until);
      System.err.printf(
          "stored: %d spans, %d logs, %d metric points%n",
          count(store, "spans"), count(store, "logs"), count(store, "metric_points"));
    }
  }

  private static long count(ClickHouseStore store, String table) {
    return store.query("SELECT count() AS n FROM " + table).getFirst().longValue("n");
  }

  private static List<SpanRecord> spans(SpanCorpus corpus, long first, int traces) {
    List<SpanRecord> spans = new ArrayList<>();
    for (long n = first; n < first + traces; n += CorpusWriter.TRACES_PER_REQUEST) {
      int count = (int) Math.min(CorpusWriter.TRACES_PER_REQUEST, first + traces - n);
      spans.addAll(OtlpSpanMapping.map(corpus.request(n, count)));
    }
    return spans;
  }

  /** One line per SERVER span, as a request log would write it. */
  private static List<LogRecord> logs(List<SpanRecord> spans) {
    List<LogRecord> logs = new ArrayList<>();
    for (SpanRecord span : spans) {
      if (span.kind() != SpanKind.SERVER) {
        continue;
      }
      boolean failed = span.status() == SpanStatus.ERROR;
      String body =
          failed
              ? "Request " + span.spanName() + " failed: " + span.statusMessage()
              : "Request "
                  + span.spanName()
                  + " handled in "
                  + span.durationNanos() / 1_000_000
                  + " ms";
      long at = span.startTimeUnixNano() + span.durationNanos();
      logs.add(
          new LogRecord(
              at,
              at,
              failed ? 17 : 9,
              failed ? "ERROR" : "INFO",
              body,
              span.traceId(),
              span.spanId(),
              1,
              "",
              span.serviceName(),
              List.of("code.namespace"),
              List.of("dev.example.RequestLog"),
              span.resourceKeys(),
              span.resourceValues(),
              "dev.example.RequestLog",
              ""));
    }
    return logs;
  }

  /** Continues each instance's series from its last stored minute, or from a day ago. */
  private static void writeJvmMetrics(ClickHouseStore store, Instant until) {
    long last =
        store
            .query(
                "SELECT toUInt32(max(timestamp)) AS t FROM metric_points"
                    + " WHERE metric_name = 'jvm.memory.used'")
            .getFirst()
            .longValue("t");
    long from = Math.max(last + 60, until.minus(METRIC_SPAN).getEpochSecond() / 60 * 60);
    long to = until.getEpochSecond();
    List<MetricPointRecord> points = new ArrayList<>();
    for (String service : JVM_SERVICES) {
      int firstInstance = SpanCorpus.SERVICES.indexOf(service) * 3;
      for (int instance = firstInstance; instance < firstInstance + 3; instance++) {
        for (long t = from; t < to; t += 60) {
          addMinute(points, service, "instance-" + instance, t);
        }
        ClickHouseMetricWriter.create(store).write(points);
        points.clear();
      }
    }
  }

  private static void addMinute(
      List<MetricPointRecord> points, String service, String instance, long epochSecond) {
    long minute = epochSecond / 60;
    double wave = Math.sin(minute / 7.0);
    Jvm jvm = new Jvm(service, instance, epochSecond);
    points.add(jvm.memory("heap", "G1 Eden Space", (40 + 30 * wave) * MIB));
    points.add(jvm.memory("heap", "G1 Old Gen", (120 + (minute % 90)) * MIB));
    points.add(jvm.memory("heap", "G1 Survivor Space", 4 * MIB));
    points.add(jvm.memory("non_heap", "Metaspace", 62 * MIB));
    points.add(jvm.memory("non_heap", "CodeHeap 'profiled nmethods'", 18 * MIB));
    points.add(jvm.gauge("jvm.thread.count", "jvm.thread.daemon", "true", 24 + minute % 5));
    points.add(jvm.gauge("jvm.thread.count", "jvm.thread.daemon", "false", 9));
    points.add(jvm.gauge("jvm.cpu.count", null, null, 4));
    points.add(jvm.gauge("jvm.cpu.recent_utilization", null, null, 0.3 + 0.2 * wave));
    points.add(jvm.gauge("container.cpu.limit", null, null, 2));
    points.add(jvm.gauge("container.memory.limit", null, null, 1024 * MIB));
    points.add(jvm.gauge("jvm.class.count", null, null, 14_200));
    points.add(jvm.gauge("jvm.buffer.memory.used", "jvm.buffer.pool.name", "direct", 8 * MIB));
    // Cumulative since a start at minute 0 of the series: 3 young collections a minute.
    long collections = 3 * (minute % 100_000);
    points.add(jvm.gc(collections, collections * 0.012));
  }

  /** Points of one instance at one moment, shaped as the agent exports them. */
  private record Jvm(String service, String instance, long epochSecond) {

    MetricPointRecord memory(String type, String pool, double bytes) {
      return point(MetricType.SUM, "jvm.memory.used")
          .attributes(List.of("jvm.memory.type", "jvm.memory.pool.name"), List.of(type, pool))
          .aggregation(false, Temporality.CUMULATIVE)
          .description("Measure of memory used.", "By")
          .value(bytes)
          .build();
    }

    MetricPointRecord gauge(String metric, String key, String keyValue, double value) {
      MetricPointBuilder builder = point(MetricType.GAUGE, metric).value(value);
      if (key != null) {
        builder.attributes(List.of(key), List.of(keyValue));
      }
      return builder.build();
    }

    MetricPointRecord gc(long count, double sumSeconds) {
      return point(MetricType.HISTOGRAM, "jvm.gc.duration")
          .attributes(
              List.of("jvm.gc.name", "jvm.gc.action"),
              List.of("G1 Young Generation", "end of minor GC"))
          .aggregation(false, Temporality.CUMULATIVE)
          .description("Duration of JVM garbage collection actions.", "s")
          .value(sumSeconds)
          .count(count)
          .buckets(List.of(0.01, 0.1, 1.0, 10.0), List.of(count / 2, count - count / 2, 0L, 0L, 0L))
          .build();
    }

    private MetricPointBuilder point(MetricType type, String metric) {
      return MetricPointRecord.builder(type, service, metric)
          .time(0, epochSecond * 1_000_000_000L)
          .resource(
              List.of("service.name", "service.instance.id", "telemetry.distro.name"),
              List.of(service, instance, "meerkat"));
    }
  }
}
