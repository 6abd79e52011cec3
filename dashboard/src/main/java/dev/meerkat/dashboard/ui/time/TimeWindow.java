package dev.meerkat.dashboard.ui.time;

import java.time.Instant;

/** What a page shows: a preset look-back ending now, or a fixed from/to. */
public sealed interface TimeWindow {

  /** The instants this window covers when the page loads its data at {@code now}. */
  Interval resolve(Instant now);

  static TimeWindow last(Preset preset) {
    return new Last(preset);
  }

  /** A fixed window; {@code from} must be before {@code to}. */
  static TimeWindow between(Instant from, Instant to) {
    return new Between(new Interval(from, to));
  }

  /** The {@code preset} before now: moves with the clock, so auto-refresh shows new data. */
  record Last(Preset preset) implements TimeWindow {
    @Override
    public Interval resolve(Instant now) {
      return new Interval(now.minus(preset.duration()), now);
    }
  }

  /** Always the same instants, whatever the time: what a link to an incident needs. */
  record Between(Interval interval) implements TimeWindow {
    @Override
    public Interval resolve(Instant now) {
      return interval;
    }
  }
}
