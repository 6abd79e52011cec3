package dev.meerkat.dashboard.alerting.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * TIMESTAMP WITH TIME ZONE as H2 and the PostgreSQL driver both bind it (OffsetDateTime), and the
 * paging clause both accept.
 */
final class Times {

  private Times() {}

  static OffsetDateTime utc(Instant instant) {
    return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
  }

  /** {@code OFFSET .. FETCH ..} of one page (standard SQL: H2 and PostgreSQL both take it). */
  static String page(int offset, int limit) {
    if (offset < 0 || limit < 1) {
      throw new IllegalArgumentException("offset must be >= 0 and limit >= 1");
    }
    return " OFFSET " + offset + " ROWS FETCH FIRST " + limit + " ROWS ONLY";
  }

  static Instant instant(ResultSet rs, String column) throws SQLException {
    OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }
}
