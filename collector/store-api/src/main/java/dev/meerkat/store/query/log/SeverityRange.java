package dev.meerkat.store.query.log;

import java.util.Optional;

/**
 * The severity ranges of the OpenTelemetry logs data model ("Field: SeverityNumber"): 1-4 TRACE,
 * 5-8 DEBUG, 9-12 INFO, 13-16 WARN, 17-20 ERROR, 21-24 FATAL.
 *
 * <p>0 is the spec's SEVERITY_NUMBER_UNSPECIFIED, and the data model defines no number outside 0 to
 * 24; the store keeps whatever a source sent (a UInt8 column), so 0, negatives and numbers above 24
 * are in no range rather than in a guessed one (a 25 is not a worse FATAL, it is not a severity).
 */
public enum SeverityRange {
  TRACE(1),
  DEBUG(5),
  INFO(9),
  WARN(13),
  ERROR(17),
  FATAL(21);

  /** The highest severity number the data model defines (FATAL4). */
  public static final int MAX = 24;

  private final int first;

  SeverityRange(int first) {
    this.first = first;
  }

  /** The lowest severity number of the range (TRACE 1 ... FATAL 21). */
  public int first() {
    return first;
  }

  /** The highest severity number of the range (TRACE4 4 ... FATAL4 24). */
  public int last() {
    return first + 3;
  }

  /** The range an OTLP severity number falls in; empty when it is unset (0) or outside 1-24. */
  public static Optional<SeverityRange> of(int severityNumber) {
    for (SeverityRange range : values()) {
      if (severityNumber >= range.first && severityNumber <= range.last()) {
        return Optional.of(range);
      }
    }
    return Optional.empty();
  }

  /** The range's name for an OTLP severity number, {@code ""} when it is in no range. */
  public static String nameOf(int severityNumber) {
    return of(severityNumber).map(SeverityRange::name).orElse("");
  }
}
