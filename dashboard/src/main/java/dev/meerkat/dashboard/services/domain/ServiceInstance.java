package dev.meerkat.dashboard.services.domain;

import dev.meerkat.store.query.InstanceSpans;
import dev.meerkat.store.query.metric.MetricInstance;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeMap;

/**
 * One row of a service's instances table: what an instance sent in a window, from its spans and its
 * metric points, which name an instance by the same rule (its {@code service.instance.id}, empty
 * when it has none).
 *
 * @param id the instance's name, empty for telemetry without one
 * @param spans sample-rate-weighted spans (0 for an instance with metric points only)
 * @param requests its requests (SERVER and CONSUMER spans), as RED counts them
 * @param errors the failed ones among them
 * @param firstSeen its earliest span start or metric point in the window
 * @param lastSeen its latest span start or metric point in the window
 * @param jvmMetrics whether it sent metric points in the window, so its JVM page has data
 */
public record ServiceInstance(
    String id,
    double spans,
    double requests,
    double errors,
    Instant firstSeen,
    Instant lastSeen,
    boolean jvmMetrics) {

  /** Errors over requests; empty without requests. */
  public OptionalDouble errorRatio() {
    return requests > 0 ? OptionalDouble.of(errors / requests) : OptionalDouble.empty();
  }

  /**
   * Both sources joined on the instance name, sorted by it: an instance with only spans, only
   * metric points or both appears once; first and last seen span both sources.
   */
  public static List<ServiceInstance> merge(
      List<InstanceSpans> spans, List<MetricInstance> metrics) {
    Map<String, ServiceInstance> byId = new TreeMap<>();
    for (InstanceSpans s : spans) {
      byId.put(
          s.instance(),
          new ServiceInstance(
              s.instance(),
              s.spans(),
              s.requests(),
              s.errors(),
              s.firstSeen(),
              s.lastSeen(),
              false));
    }
    for (MetricInstance m : metrics) {
      ServiceInstance fromSpans = byId.get(m.instance());
      byId.put(
          m.instance(),
          fromSpans == null
              ? new ServiceInstance(m.instance(), 0, 0, 0, m.firstSeen(), m.lastSeen(), true)
              : new ServiceInstance(
                  m.instance(),
                  fromSpans.spans(),
                  fromSpans.requests(),
                  fromSpans.errors(),
                  earlier(fromSpans.firstSeen(), m.firstSeen()),
                  later(fromSpans.lastSeen(), m.lastSeen()),
                  true));
    }
    return new ArrayList<>(byId.values());
  }

  private static Instant earlier(Instant a, Instant b) {
    return a.isBefore(b) ? a : b;
  }

  private static Instant later(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }
}
