package dev.meerkat.store.query;

import java.time.Instant;
import java.util.Objects;

/**
 * What one instance of a service sent as spans in a window.
 *
 * @param instance the spans' {@code service.instance.id} resource attribute, empty when they have
 *     none (the same name the instance's metric points have, see {@link
 *     dev.meerkat.store.query.metric.LabelMatcher#INSTANCE_LABEL})
 * @param spans sample-rate-weighted count of every span
 * @param requests sample-rate-weighted count of its requests (SERVER and CONSUMER spans), as RED
 *     counts them
 * @param errors the requests among them with status ERROR
 * @param firstSeen the start of its earliest span in the window (whole seconds)
 * @param lastSeen the start of its latest span in the window (whole seconds)
 */
public record InstanceSpans(
    String instance,
    double spans,
    double requests,
    double errors,
    Instant firstSeen,
    Instant lastSeen) {

  public InstanceSpans {
    Objects.requireNonNull(instance, "instance");
    Objects.requireNonNull(firstSeen, "firstSeen");
    Objects.requireNonNull(lastSeen, "lastSeen");
  }
}
