package dev.meerkat.store.slo;

import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What an SLO measures and how its burn-rate alerts are guarded, beyond the fields every SLO had
 * from the start. Plain values: the dashboard validates them (its {@code SloDraft}).
 *
 * @param indicator {@code availability} or {@code latency}
 * @param latencyThresholdMillis latency SLIs: longest good duration in ms; 0 for availability
 * @param operations span names the SLI is limited to; empty for the whole service
 * @param window {@code 7d}, {@code 28d}, {@code 30d} (rolling) or {@code month} (calendar, UTC)
 * @param minimumEvents the low-traffic guard of its burn-rate policy (the SRE workbook's
 *     conditions): a condition holds only with at least this many events in its long window
 * @param origin where the definition comes from: empty when made in the dashboard, otherwise the
 *     file it was loaded from (the SLO is then managed as code)
 * @param labels the SLO's own labels (e.g. {@code team=payments}), added to the labels its alerts
 *     are routed and silenced by
 */
public record SloSpec(
    String indicator,
    long latencyThresholdMillis,
    List<String> operations,
    String window,
    double minimumEvents,
    String origin,
    Map<String, String> labels) {

  public static final String AVAILABILITY = "availability";
  public static final String LATENCY = "latency";
  public static final double DEFAULT_MINIMUM_EVENTS = 10;

  public SloSpec {
    Objects.requireNonNull(indicator, "indicator");
    Objects.requireNonNull(window, "window");
    operations = operations == null ? List.of() : List.copyOf(operations);
    origin = origin == null ? "" : origin;
    labels = labels == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(labels));
  }

  /** A spec without labels of its own. */
  public SloSpec(
      String indicator,
      long latencyThresholdMillis,
      List<String> operations,
      String window,
      double minimumEvents,
      String origin) {
    this(indicator, latencyThresholdMillis, operations, window, minimumEvents, origin, Map.of());
  }

  public SloSpec withLabels(Map<String, String> newLabels) {
    return new SloSpec(
        indicator, latencyThresholdMillis, operations, window, minimumEvents, origin, newLabels);
  }

  /**
   * The spec of a definition made before SLOs had one: availability of the whole service, the
   * rolling window closest to {@code window} among 7, 28 and 30 days, the default guard.
   */
  public static SloSpec availability(Duration window) {
    return new SloSpec(
        AVAILABILITY, 0, List.of(), rollingWindowFor(window), DEFAULT_MINIMUM_EVENTS, "");
  }

  /** Whether the SLO is managed as code (loaded from a file) rather than in the dashboard. */
  public boolean fromFile() {
    return !origin.isEmpty();
  }

  /** 7d and 28d stay; anything else (30d, and the old 1h and 1d windows) becomes 30d. */
  static String rollingWindowFor(Duration window) {
    if (window.equals(Duration.ofDays(7))) {
      return "7d";
    }
    if (window.equals(Duration.ofDays(28))) {
      return "28d";
    }
    return "30d";
  }
}
