package dev.meerkat.dashboard.traces.domain;

import dev.meerkat.store.query.SpanDetail;
import dev.meerkat.store.query.SpanEventDetail;
import java.time.Duration;
import java.time.Instant;

/**
 * One bar of a trace waterfall.
 *
 * @param span the span
 * @param depth distance from the root (0 for roots and orphans)
 * @param offsetMillis start relative to the trace's first span
 * @param durationMillis span duration
 */
public record WaterfallRow(SpanDetail span, int depth, double offsetMillis, double durationMillis) {

  /** When {@code event} happened, in ms after this span's start (negative if before it). */
  public double millisIntoSpan(SpanEventDetail event) {
    return millisIntoSpan(event.time());
  }

  /** {@code time} in ms after this span's start (negative if before it). */
  public double millisIntoSpan(Instant time) {
    return Duration.between(span.start(), time).toNanos() / 1e6;
  }
}
