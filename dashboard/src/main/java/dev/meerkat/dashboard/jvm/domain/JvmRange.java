package dev.meerkat.dashboard.jvm.domain;

import java.time.Duration;
import java.util.Optional;

/**
 * Look-back windows of the JVM page, written in its URL as {@code range=15m}. The step is at least
 * one minute, the agent's default export interval, so a step without a point is a real gap.
 */
public enum JvmRange {
  FIFTEEN_MINUTES("15m", Duration.ofMinutes(15)),
  ONE_HOUR("1h", Duration.ofHours(1)),
  SIX_HOURS("6h", Duration.ofHours(6)),
  ONE_DAY("24h", Duration.ofHours(24));

  private static final int STEPS = 60;

  private final String label;
  private final Duration duration;

  JvmRange(String label, Duration duration) {
    this.label = label;
    this.duration = duration;
  }

  public String label() {
    return label;
  }

  public Duration duration() {
    return duration;
  }

  /** One minute, or a sixtieth of the window when that is longer (6 min for 6h). */
  public Duration step() {
    Duration sixtieth = duration.dividedBy(STEPS);
    return sixtieth.compareTo(Duration.ofMinutes(1)) > 0 ? sixtieth : Duration.ofMinutes(1);
  }

  /** The range whose label is {@code label}, empty for any other text. */
  public static Optional<JvmRange> parse(String label) {
    for (JvmRange range : values()) {
      if (range.label.equals(label)) {
        return Optional.of(range);
      }
    }
    return Optional.empty();
  }
}
