package dev.meerkat.dashboard.jvm;

import dev.meerkat.store.clickhouse.ClickHouseStore;
import dev.meerkat.store.clickhouse.write.ClickHouseMetricWriter;
import dev.meerkat.store.model.MetricPointBuilder;
import dev.meerkat.store.model.MetricPointRecord;
import dev.meerkat.store.model.MetricType;
import dev.meerkat.store.model.Temporality;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * JVM metric points as the agent exports them, written with the collector's real metric writer, and
 * the values the JVM page must show for them over 15 minutes ending at {@link #NOW} (steps of one
 * minute, 11:45 to 11:59; points in the last three minutes M1, M2, M3).
 *
 * <p>Instance {@link #I1} of checkout: heap pools Eden (10 and 20 MiB in M1, averaged to 15; 30;
 * 20) and Old Gen (50 each minute), non-heap Metaspace (8), cumulative {@code jvm.gc.duration} of
 * G1 Young (count 10, 13, 19; sum 0.125, 0.25, 0.5 s), 12 daemon and 5 other threads, CPU 0.25 and
 * 0.5, 4 processors, a container CPU limit of 2 and memory limit of 512 MiB, 8000 classes, a 1 MiB
 * direct buffer pool. Instance {@link #I2}: only heap Eden, 99 MiB in M3.
 */
public final class JvmTelemetry {

  public static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
  public static final String SERVICE = "checkout";
  public static final String I1 = "4242@host-a";
  public static final String I2 = "77@host-b";
  public static final Instant M1 = NOW.minusSeconds(180);
  public static final Instant M2 = NOW.minusSeconds(120);
  public static final Instant M3 = NOW.minusSeconds(60);
  private static final double MIB = 1024 * 1024;

  /** Steps of the 15-minute window before the three minutes with points. */
  public static final int EMPTY_STEPS = 12;

  private JvmTelemetry() {}

  /** {@code values} after {@link #EMPTY_STEPS} nulls: one value per step of the window. */
  public static List<Double> lastSteps(Double... values) {
    List<Double> line = new ArrayList<>(Arrays.asList(new Double[EMPTY_STEPS]));
    line.addAll(Arrays.asList(values));
    return line;
  }

  /** The window's step starts, 11:45 to 11:59. */
  public static List<Long> steps() {
    List<Long> starts = new ArrayList<>();
    for (int i = 15; i >= 1; i--) {
      starts.add(NOW.getEpochSecond() - 60L * i);
    }
    return starts;
  }

  public static void writeInto(ClickHouseStore store) {
    List<MetricPointRecord> points = new ArrayList<>();
    points.add(memory(I1, "heap", "G1 Eden Space", M1.plusSeconds(10), 10 * MIB));
    points.add(memory(I1, "heap", "G1 Eden Space", M1.plusSeconds(40), 20 * MIB));
    points.add(memory(I1, "heap", "G1 Eden Space", M2.plusSeconds(10), 30 * MIB));
    points.add(memory(I1, "heap", "G1 Eden Space", M3.plusSeconds(10), 20 * MIB));
    for (Instant minute : List.of(M1, M2, M3)) {
      Instant at = minute.plusSeconds(10);
      points.add(memory(I1, "heap", "G1 Old Gen", at, 50 * MIB));
      points.add(memory(I1, "non_heap", "Metaspace", at, 8 * MIB));
      points.add(gauge(I1, "jvm.thread.count", "jvm.thread.daemon", "true", at, 12));
      points.add(gauge(I1, "jvm.thread.count", "jvm.thread.daemon", "false", at, 5));
      points.add(gauge(I1, "jvm.cpu.count", null, null, at, 4));
      points.add(gauge(I1, "container.cpu.limit", null, null, at, 2));
      points.add(gauge(I1, "container.memory.limit", null, null, at, 512 * MIB));
      points.add(gauge(I1, "jvm.class.count", null, null, at, 8000));
      points.add(gauge(I1, "jvm.buffer.memory.used", "jvm.buffer.pool.name", "direct", at, MIB));
    }
    points.add(gauge(I1, "jvm.cpu.recent_utilization", null, null, M2.plusSeconds(10), 0.25));
    points.add(gauge(I1, "jvm.cpu.recent_utilization", null, null, M3.plusSeconds(10), 0.5));
    points.add(gc(I1, M1.plusSeconds(10), 10, 0.125));
    points.add(gc(I1, M2.plusSeconds(10), 13, 0.25));
    points.add(gc(I1, M3.plusSeconds(10), 19, 0.5));
    points.add(memory(I2, "heap", "G1 Eden Space", M3.plusSeconds(20), 99 * MIB));
    ClickHouseMetricWriter.create(store).write(points);
  }

  /** One more Eden point of {@code instance}, as a test writes it while a page is open. */
  public static void writeEden(ClickHouseStore store, String instance, Instant at, double mib) {
    ClickHouseMetricWriter.create(store)
        .write(List.of(memory(instance, "heap", "G1 Eden Space", at, mib * MIB)));
  }

  private static MetricPointRecord memory(
      String instance, String type, String pool, Instant at, double bytes) {
    return point(MetricType.SUM, instance, "jvm.memory.used", at)
        .attributes(List.of("jvm.memory.type", "jvm.memory.pool.name"), List.of(type, pool))
        .aggregation(false, Temporality.CUMULATIVE)
        .value(bytes)
        .build();
  }

  private static MetricPointRecord gauge(
      String instance, String metric, String key, String keyValue, Instant at, double value) {
    MetricPointBuilder builder = point(MetricType.GAUGE, instance, metric, at).value(value);
    if (key != null) {
      builder.attributes(List.of(key), List.of(keyValue));
    }
    return builder.build();
  }

  private static MetricPointRecord gc(String instance, Instant at, long count, double sum) {
    return point(MetricType.HISTOGRAM, instance, "jvm.gc.duration", at)
        .attributes(
            List.of("jvm.gc.name", "jvm.gc.action"),
            List.of("G1 Young Generation", "end of minor GC"))
        .aggregation(false, Temporality.CUMULATIVE)
        .value(sum)
        .count(count)
        .buckets(List.of(0.01, 0.1, 1.0, 10.0), List.of(count, 0L, 0L, 0L, 0L))
        .build();
  }

  private static MetricPointBuilder point(
      MetricType type, String instance, String metric, Instant at) {
    long nanos = at.getEpochSecond() * 1_000_000_000L;
    return MetricPointRecord.builder(type, SERVICE, metric)
        .time(NOW.minusSeconds(3600).getEpochSecond() * 1_000_000_000L, nanos)
        .resource(
            List.of("service.name", "service.instance.id", "telemetry.distro.name"),
            List.of(SERVICE, instance, "meerkat"));
  }
}
