package dev.meerkat.dashboard.services.domain;

import dev.meerkat.store.query.LatencyPoint;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Per-minute latency of one service over a range, one entry per minute; minutes without requests
 * hold null, so charts draw gaps instead of zeros.
 *
 * @param epochSeconds minute starts
 * @param p50Millis median per minute, null without requests
 * @param p99Millis 99th percentile per minute, null without requests
 * @param requestsPerSecond request rate per minute, 0 without requests
 */
public record LatencySeries(
    List<Long> epochSeconds,
    List<Double> p50Millis,
    List<Double> p99Millis,
    List<Double> requestsPerSecond) {

  /** Lays the points on a grid of every minute in [from, to). */
  public static LatencySeries of(List<LatencyPoint> points, Instant from, Instant to) {
    Map<Instant, LatencyPoint> byMinute = new HashMap<>();
    points.forEach(p -> byMinute.put(p.minute(), p));
    List<Long> times = new ArrayList<>();
    List<Double> p50 = new ArrayList<>();
    List<Double> p99 = new ArrayList<>();
    List<Double> rate = new ArrayList<>();
    Instant first = from.truncatedTo(ChronoUnit.MINUTES);
    if (first.isBefore(from)) {
      first = first.plus(1, ChronoUnit.MINUTES);
    }
    for (Instant minute = first; minute.isBefore(to); minute = minute.plus(1, ChronoUnit.MINUTES)) {
      LatencyPoint point = byMinute.get(minute);
      times.add(minute.getEpochSecond());
      p50.add(point == null ? null : finite(point.p50Millis()));
      p99.add(point == null ? null : finite(point.p99Millis()));
      rate.add(point == null ? 0.0 : point.requestsPerSecond());
    }
    return new LatencySeries(times, p50, p99, rate);
  }

  private static Double finite(double value) {
    return Double.isFinite(value) ? value : null;
  }
}
