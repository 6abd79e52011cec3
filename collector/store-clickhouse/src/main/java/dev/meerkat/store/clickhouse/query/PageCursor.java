package dev.meerkat.store.clickhouse.query;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The position after the last row of a page, as an opaque string: a time in nanoseconds and a
 * tie-breaker (a trace id, or how many rows with that time were already returned). Callers must not
 * parse it; a cursor that does not decode is rejected.
 */
record PageCursor(long nanos, String tieBreaker) {

  String encode() {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(("1:" + nanos + ":" + tieBreaker).getBytes(StandardCharsets.UTF_8));
  }

  static PageCursor decode(String cursor) {
    String text;
    try {
      text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("not a page cursor: " + cursor, e);
    }
    String[] parts = text.split(":", 3);
    if (parts.length != 3 || !parts[0].equals("1")) {
      throw new IllegalArgumentException("not a page cursor: " + cursor);
    }
    try {
      return new PageCursor(Long.parseLong(parts[1]), parts[2]);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("not a page cursor: " + cursor, e);
    }
  }
}
