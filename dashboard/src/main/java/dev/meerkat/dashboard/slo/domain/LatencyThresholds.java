package dev.meerkat.dashboard.slo.domain;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads and writes latency thresholds as {@code 250us}, {@code 300ms} or {@code 1.5s}. */
public final class LatencyThresholds {

  static final String MESSAGE = "threshold must be a duration such as 250us, 300ms or 1.5s";
  private static final Pattern DURATION = Pattern.compile("([0-9]+(?:\\.[0-9]+)?)\\s*(us|ms|s)");

  private LatencyThresholds() {}

  public static Optional<Duration> parse(String text) {
    Matcher matcher = DURATION.matcher(text == null ? "" : text.strip());
    if (!matcher.matches()) {
      return Optional.empty();
    }
    BigDecimal amount = new BigDecimal(matcher.group(1));
    BigDecimal nanosPerUnit =
        switch (matcher.group(2)) {
          case "us" -> BigDecimal.valueOf(1_000);
          case "ms" -> BigDecimal.valueOf(1_000_000);
          default -> BigDecimal.valueOf(1_000_000_000);
        };
    return Optional.of(Duration.ofNanos(amount.multiply(nanosPerUnit).longValue()));
  }

  /** The shortest exact form: {@code 1.5s}, {@code 300ms}, {@code 250us}. */
  public static String format(Duration threshold) {
    long nanos = threshold.toNanos();
    if (nanos % 1_000_000 != 0) {
      return BigDecimal.valueOf(nanos, 3).stripTrailingZeros().toPlainString() + "us";
    }
    if (nanos % 1_000_000_000 != 0 && nanos < 1_000_000_000) {
      return nanos / 1_000_000 + "ms";
    }
    return BigDecimal.valueOf(nanos, 9).stripTrailingZeros().toPlainString() + "s";
  }
}
