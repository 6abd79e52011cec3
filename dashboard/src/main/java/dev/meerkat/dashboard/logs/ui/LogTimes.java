package dev.meerkat.dashboard.logs.ui;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Log times to the millisecond: lines of one request are often within the same second. */
final class LogTimes {

  private static final DateTimeFormatter FORMAT =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS 'UTC'").withZone(ZoneOffset.UTC);

  private LogTimes() {}

  static String format(Instant time) {
    return FORMAT.format(time);
  }
}
