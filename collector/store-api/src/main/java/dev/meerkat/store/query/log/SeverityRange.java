package dev.meerkat.store.query.log;

/**
 * The severity ranges of the OpenTelemetry logs data model ("Field: SeverityNumber"): 1-4 TRACE,
 * 5-8 DEBUG, 9-12 INFO, 13-16 WARN, 17-20 ERROR, 21-24 FATAL.
 *
 * <p>0 is the spec's SEVERITY_NUMBER_UNSPECIFIED, and the data model defines no number outside 0 to
 * 24; the store keeps whatever a source sent (a UInt8 column), so 0, negatives and numbers above 24
 * have no name here rather than a guessed one (a 25 is not a worse FATAL, it is not a severity).
 */
public final class SeverityRange {

  private static final String[] NAMES = {"TRACE", "DEBUG", "INFO", "WARN", "ERROR", "FATAL"};

  /** The highest severity number the data model defines (FATAL4). */
  public static final int MAX = 24;

  private SeverityRange() {}

  /** The range name of an OTLP severity number, {@code ""} when it is unset or out of 1-24. */
  public static String nameOf(int severityNumber) {
    return severityNumber < 1 || severityNumber > MAX ? "" : NAMES[(severityNumber - 1) / 4];
  }
}
