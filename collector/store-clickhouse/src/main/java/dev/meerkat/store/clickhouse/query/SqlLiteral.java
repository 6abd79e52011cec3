package dev.meerkat.store.clickhouse.query;

import dev.meerkat.store.clickhouse.ClickHouseStore;
import java.time.Instant;
import java.util.List;
import java.util.StringJoiner;

/**
 * Every value a read query puts into SQL goes through here. Server-side query parameters fail on
 * ClickHouse 18.16 (client-v2 0.9.4), so values are written as literals: strings quoted and escaped
 * by {@link ClickHouseStore#quote(String)} (the one escaping routine of the store), numbers and
 * times printed from Java numbers, never from caller text.
 */
final class SqlLiteral {

  private SqlLiteral() {}

  /** A string literal, safe for any Java string (quotes, backslashes, NUL, any length). */
  static String string(String value) {
    return ClickHouseStore.quote(value);
  }

  /** An {@code Array(String)} literal. */
  static String strings(List<String> values) {
    StringJoiner out = new StringJoiner(", ", "[", "]");
    values.forEach(value -> out.add(string(value)));
    return out.toString();
  }

  /** A DateTime literal from epoch seconds, independent of the server's time zone. */
  static String dateTime(Instant instant) {
    return "toDateTime(" + instant.getEpochSecond() + ")";
  }

  /** A UInt64 literal. */
  static String uint64(long value) {
    if (value < 0) {
      throw new IllegalArgumentException("negative UInt64: " + value);
    }
    return "toUInt64(" + value + ")";
  }

  /** Nanoseconds since the epoch of {@code instant}, 0 for instants before the epoch. */
  static long epochNanos(Instant instant) {
    if (instant.getEpochSecond() < 0) {
      return 0;
    }
    return Math.addExact(
        Math.multiplyExact(instant.getEpochSecond(), 1_000_000_000L), instant.getNano());
  }
}
