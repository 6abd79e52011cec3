package dev.meerkat.store.query.metric;

import java.time.Instant;
import java.util.Objects;

/**
 * One instance of a service that sent metric points in a window.
 *
 * @param instance its {@value LabelMatcher#INSTANCE_LABEL} resource attribute, empty when the
 *     points have none
 * @param firstSeen the time of its earliest point in the window (whole seconds)
 * @param lastSeen the time of its latest point in the window (whole seconds)
 */
public record MetricInstance(String instance, Instant firstSeen, Instant lastSeen) {

  public MetricInstance {
    Objects.requireNonNull(instance, "instance");
    Objects.requireNonNull(firstSeen, "firstSeen");
    Objects.requireNonNull(lastSeen, "lastSeen");
  }
}
