package dev.meerkat.store.clickhouse.write;

import dev.meerkat.store.StoreException;
import dev.meerkat.store.clickhouse.ClickHouseStore;
import dev.meerkat.store.clickhouse.Row;
import dev.meerkat.store.write.WriteBatch;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.ToLongFunction;

/**
 * Exactly-once inserts of {@link WriteBatch}es into one table partitioned by {@code toDate(<time
 * column>)}, on ClickHouse 18.16 (no insert deduplication for non-replicated tables) and current
 * releases alike.
 *
 * <p>Every row carries its part's token in {@code batch_token}. A batch is inserted as one block
 * per day (partition): ClickHouse makes the insert of one block into one partition atomic, so each
 * (token, day) unit is stored entirely or not at all. When an earlier attempt may have succeeded
 * unseen, the units already stored are looked up by token (within the batch's time range, so only
 * its partitions are read) and left out. Days are those of the server's time zone, as {@code
 * toDate} computes them.
 */
final class TokenedInsert<T> {

  private static final long SECONDS_PER_DAY = 86_400;
  private static final int TOKENS_PER_QUERY = 2_000;

  private final ClickHouseStore store;
  private final String table;
  private final String timeColumn;
  private final List<String> columns;
  private final RowWriter<T> rowWriter;
  private final ToLongFunction<T> epochSeconds;
  private volatile ZoneRules serverZone;

  /**
   * @param columns the columns {@code rowWriter} writes, in order; {@code batch_token} is appended
   */
  TokenedInsert(
      ClickHouseStore store,
      String table,
      String timeColumn,
      List<String> columns,
      RowWriter<T> rowWriter,
      ToLongFunction<T> epochSeconds) {
    this.store = store;
    this.table = table;
    this.timeColumn = timeColumn;
    List<String> all = new ArrayList<>(columns);
    all.add("batch_token");
    this.columns = List.copyOf(all);
    this.rowWriter = rowWriter;
    this.epochSeconds = epochSeconds;
  }

  void insert(WriteBatch<T> batch) {
    if (batch.size() == 0) {
      return;
    }
    ZoneRules zone = serverZone();
    List<T> items = batch.items();
    long[] days = new long[items.size()];
    long minSeconds = Long.MAX_VALUE;
    long maxSeconds = Long.MIN_VALUE;
    boolean oneDay = true;
    for (int i = 0; i < days.length; i++) {
      long seconds = epochSeconds.applyAsLong(items.get(i));
      minSeconds = Math.min(minSeconds, seconds);
      maxSeconds = Math.max(maxSeconds, seconds);
      days[i] = day(zone, seconds);
      oneDay &= days[i] == days[0];
    }
    Set<String> stored = Set.of();
    if (batch.mayBeStored()) {
      try {
        stored = storedUnits(batch, minSeconds, maxSeconds);
      } catch (StoreException e) {
        // Whatever failed, the rows themselves were not refused: never give them up for it.
        throw new StoreException(
            "cannot check which parts of a batch for " + table + " are stored: " + e.getMessage(),
            true,
            e);
      }
    }
    if (oneDay && stored.isEmpty()) {
      insertDay(batch, days, days[0], stored);
      return;
    }
    TreeMap<Long, Boolean> distinctDays = new TreeMap<>();
    for (long day : days) {
      distinctDays.put(day, Boolean.TRUE);
    }
    for (long day : distinctDays.keySet()) {
      insertDay(batch, days, day, stored);
    }
  }

  /** One insert (one block, one partition) of the batch's rows of {@code day} not yet stored. */
  private void insertDay(WriteBatch<T> batch, long[] days, long day, Set<String> stored) {
    String dayText = LocalDate.ofEpochDay(day).toString();
    List<T> items = batch.items();
    boolean any = false;
    for (int part = 0; part < batch.partCount() && !any; part++) {
      if (!stored.contains(unit(batch.partToken(part), dayText))) {
        for (int i = batch.partStart(part); i < batch.partEnd(part) && !any; i++) {
          any = days[i] == day;
        }
      }
    }
    if (!any) {
      return;
    }
    store.insertRowBinary(
        table,
        columns,
        out -> {
          for (int part = 0; part < batch.partCount(); part++) {
            String token = batch.partToken(part);
            if (stored.contains(unit(token, dayText))) {
              continue;
            }
            for (int i = batch.partStart(part); i < batch.partEnd(part); i++) {
              if (days[i] == day) {
                rowWriter.write(out, items.get(i));
                out.writeString(token);
              }
            }
          }
        });
  }

  /**
   * The (token, day) units of this batch that are already in the table, asked for in chunks of
   * tokens, so the query stays far below ClickHouse's max_query_size (256 KiB) however many parts.
   */
  private Set<String> storedUnits(WriteBatch<T> batch, long minSeconds, long maxSeconds) {
    Set<String> units = new HashSet<>();
    for (int from = 0; from < batch.partCount(); from += TOKENS_PER_QUERY) {
      int to = Math.min(batch.partCount(), from + TOKENS_PER_QUERY);
      StringBuilder sql =
          new StringBuilder("SELECT batch_token, toString(toDate(")
              .append(timeColumn)
              .append(")) AS day FROM ")
              .append(table)
              .append(" WHERE ")
              .append(timeColumn)
              .append(" BETWEEN toDateTime(")
              .append(minSeconds)
              .append(") AND toDateTime(")
              .append(maxSeconds)
              .append(") AND batch_token IN (");
      for (int part = from; part < to; part++) {
        sql.append(part == from ? "" : ", ").append(ClickHouseStore.quote(batch.partToken(part)));
      }
      sql.append(") GROUP BY batch_token, day");
      for (Row row : store.query(sql.toString())) {
        units.add(unit(row.string("batch_token"), row.string("day")));
      }
    }
    return units;
  }

  private static String unit(String token, String day) {
    return token + '@' + day;
  }

  private static long day(ZoneRules zone, long epochSeconds) {
    long offset =
        zone.isFixedOffset()
            ? zone.getOffset(Instant.EPOCH).getTotalSeconds()
            : zone.getOffset(Instant.ofEpochSecond(epochSeconds)).getTotalSeconds();
    return Math.floorDiv(epochSeconds + offset, SECONDS_PER_DAY);
  }

  // toDate() uses the server's time zone, so the partition of a row depends on it.
  private ZoneRules serverZone() {
    ZoneRules zone = serverZone;
    if (zone == null) {
      String name;
      try {
        name = store.query("SELECT timezone() AS zone").get(0).string("zone");
      } catch (StoreException e) {
        throw new StoreException("cannot read the server's time zone: " + e.getMessage(), true, e);
      }
      zone = ZoneId.of(name).getRules();
      serverZone = zone;
    }
    return zone;
  }
}
